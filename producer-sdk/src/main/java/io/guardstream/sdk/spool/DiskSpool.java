package io.guardstream.sdk.spool;

import io.guardstream.sdk.pipeline.Outbound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, append-only disk queue of records waiting for Kafka, read back in the order written.
 *
 * <p>Layout: numbered segment files ({@code 0000000000000000001.seg}), each starting with a header
 * holding the writer schemas, then records {@code [length:4][crc32:4][payload]}; a
 * {@code checkpoint} file with the position up to which records were delivered; a {@code lock} file
 * held while a client uses the directory. Positions are {@code segment id << 32 | offset}.
 *
 * <p>Three positions: <em>committed</em> (everything before was delivered; survives restarts
 * through the checkpoint), <em>read</em> (next record to hand out), <em>write</em> (end). Records
 * between committed and read are in flight: on a restart they are read again, so delivery is at
 * least once (consumers can drop repeats by event id).
 *
 * <p>Durability: records are written with one positional write each (in the OS page cache at once,
 * so a crash of the process loses nothing); they are forced to the device every
 * {@code fsyncInterval} (0: after each record), when a segment is rolled, and on close. A crash of
 * the machine may lose what was written since the last force. A torn record at the end of the last
 * segment is cut off at start.
 *
 * <p>Bound: when appending would pass {@code maxBytes}, whole segments are dropped oldest first and
 * their unread records counted as dropped. Not thread-safe: one sender thread uses it.
 */
public final class DiskSpool implements AutoCloseable {
  /** A record read from the spool and the position just after it (to commit once delivered). */
  public record Entry(Outbound record, long endPosition) {}

  private static final Logger log = LoggerFactory.getLogger(DiskSpool.class);
  private static final byte[] MAGIC = "GSSP".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int RECORD_HEADER = 8;
  private static final String SUFFIX = ".seg";
  private static final String CHECKPOINT = "checkpoint";

  /** One segment file. */
  private static final class Segment {
    final long id;
    final Path path;
    final int headerLength;
    final Map<Byte, Schema> schemas;
    long size;

    Segment(long id, Path path, int headerLength, Map<Byte, Schema> schemas, long size) {
      this.id = id;
      this.path = path;
      this.headerLength = headerLength;
      this.schemas = schemas;
      this.size = size;
    }
  }

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final long fsyncIntervalNanos;
  private final LongAdder dropped;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RecordCodec codec = new RecordCodec();
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final CRC32 crc = new CRC32();
  private final ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER);
  private Segment writeSegment;
  private FileChannel writeChannel;
  private FileChannel readChannel;
  private long readChannelSegment = -1;
  private long readPosition;
  private long committed;
  private long checkpointed = -1;
  private Entry lookahead;
  private long sessionStart;
  private long totalBytes;
  private boolean unsynced;
  private long lastSync = System.nanoTime();

  private DiskSpool(Path dir, long maxBytes, long segmentBytes, Duration fsyncInterval, LongAdder dropped,
      FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.fsyncIntervalNanos = fsyncInterval.toNanos();
    this.dropped = dropped;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (and recovers) the spool in {@code dir}, creating it if needed.
   *
   * @param dropped counts records dropped because of the disk bound or corruption
   * @throws IllegalStateException when another client holds the directory
   * @throws UncheckedIOException when the directory cannot be used
   */
  public static DiskSpool open(Path dir, long maxBytes, long segmentBytes, Duration fsyncInterval, LongAdder dropped) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("spool directory " + dir + " is in use by another guardstream client; "
            + "give each client its own spool.dir");
      }
      DiskSpool spool = new DiskSpool(dir, maxBytes, segmentBytes, fsyncInterval, dropped, lockChannel, lock);
      spool.recover();
      return spool;
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new UncheckedIOException("cannot open spool directory " + dir, e);
    }
  }

  private void recover() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
    committed = readCheckpoint();
    for (Path file : files) {
      long id = Long.parseLong(file.getFileName().toString().replace(SUFFIX, ""));
      if (id < segmentOf(committed)) {
        Files.delete(file);
        continue;
      }
      Segment segment = readSegment(id, file);
      if (segment == null) {
        log.error("spool segment {} has no valid header; deleting it", file);
        Files.delete(file);
        continue;
      }
      segments.put(id, segment);
    }
    if (segments.isEmpty()) {
      writeSegment = createSegment(Math.max(1, segmentOf(committed)));
    } else {
      writeSegment = segments.lastEntry().getValue();
      truncateTornTail(writeSegment);
    }
    writeChannel = FileChannel.open(writeSegment.path, StandardOpenOption.WRITE);
    writeChannel.position(writeSegment.size);
    if (segments.firstKey() > segmentOf(committed)) {
      committed = position(segments.firstKey(), 0);
    }
    readPosition = committed;
    totalBytes = segments.values().stream().mapToLong(s -> s.size).sum();
    sessionStart = writePosition();
    normalizeRead();
    if (hasUnread()) {
      log.info("spool {} holds {} bytes from an earlier run; replaying them when Kafka is reachable", dir, totalBytes);
    }
  }

  private long readCheckpoint() {
    Path file = dir.resolve(CHECKPOINT);
    try {
      if (Files.exists(file)) {
        return Long.parseLong(Files.readString(file).trim());
      }
    } catch (IOException | NumberFormatException e) {
      log.warn("unreadable spool checkpoint {}; replaying the spool from its start: {}", file, e.toString());
    }
    return 0;
  }

  private Segment readSegment(long id, Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer fixed = ByteBuffer.allocate(12);
      if (ch.read(fixed, 0) < 12) {
        return null;
      }
      fixed.flip();
      byte[] magic = new byte[4];
      fixed.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC) || fixed.getInt() != VERSION) {
        return null;
      }
      int count = fixed.getInt();
      long at = 12;
      Map<Byte, Schema> schemas = new HashMap<>();
      for (int i = 0; i < count; i++) {
        ByteBuffer head = ByteBuffer.allocate(5);
        if (ch.read(head, at) < 5) {
          return null;
        }
        head.flip();
        byte type = head.get();
        int length = head.getInt();
        if (length < 0 || at + 5 + length > size) {
          return null;
        }
        ByteBuffer json = ByteBuffer.allocate(length);
        ch.read(json, at + 5);
        schemas.put(type, new Schema.Parser().parse(new String(json.array(), StandardCharsets.UTF_8)));
        at += 5 + length;
      }
      return new Segment(id, file, (int) at, schemas, size);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Segment createSegment(long id) throws IOException {
    Path file = dir.resolve(String.format("%019d%s", id, SUFFIX));
    Map<Byte, Schema> schemas = RecordCodec.writerSchemas();
    ByteBuffer header = ByteBuffer.allocate(12 + schemas.values().stream()
        .mapToInt(s -> 5 + s.toString().getBytes(StandardCharsets.UTF_8).length).sum());
    header.put(MAGIC).putInt(VERSION).putInt(schemas.size());
    schemas.forEach((type, schema) -> {
      byte[] json = schema.toString().getBytes(StandardCharsets.UTF_8);
      header.put(type).putInt(json.length).put(json);
    });
    header.flip();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (header.hasRemaining()) {
        ch.write(header);
      }
      ch.force(true);
    }
    Segment segment = new Segment(id, file, header.limit(), schemas, header.limit());
    segments.put(id, segment);
    return segment;
  }

  /** Cuts a record left half-written by a crash off the end of the last segment. */
  private void truncateTornTail(Segment segment) throws IOException {
    try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = segment.headerLength;
      while (at < segment.size) {
        long end = validRecordEnd(ch, segment, at);
        if (end < 0) {
          log.warn("spool segment {}: cutting {} bytes of an incomplete record at its end", segment.path,
              segment.size - at);
          ch.truncate(at);
          segment.size = at;
          break;
        }
        at = end;
      }
    }
  }

  /** End of the valid record at {@code at}, or -1. */
  private long validRecordEnd(FileChannel ch, Segment segment, long at) throws IOException {
    byte[] payload = readPayload(ch, segment, at);
    return payload == null ? -1 : at + RECORD_HEADER + payload.length;
  }

  /** The payload of the record at {@code at} if it is complete and its checksum matches, else null. */
  private byte[] readPayload(FileChannel ch, Segment segment, long at) throws IOException {
    if (at + RECORD_HEADER > segment.size) {
      return null;
    }
    recordHeader.clear();
    if (ch.read(recordHeader, at) < RECORD_HEADER) {
      return null;
    }
    recordHeader.flip();
    int length = recordHeader.getInt();
    int checksum = recordHeader.getInt();
    if (length < 0 || at + RECORD_HEADER + length > segment.size) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    while (payload.hasRemaining()) {
      if (ch.read(payload, at + RECORD_HEADER + payload.position()) < 0) {
        return null;
      }
    }
    crc.reset();
    crc.update(payload.array());
    return (int) crc.getValue() == checksum ? payload.array() : null;
  }

  /**
   * Appends a record to the end (read after everything before it).
   *
   * @return false when the record alone exceeds the disk bound and was dropped
   */
  public boolean append(Outbound record) {
    return write(record) >= 0;
  }

  /**
   * Appends a record that is already being delivered: it will not be handed out again in this run,
   * but stays (and is replayed by the next run) until committed. Only valid while nothing is unread,
   * so the order on disk stays the order of delivery.
   *
   * @return the position to commit once delivered, or -1 if the record could not be kept
   */
  public long appendInFlight(Outbound record) {
    if (hasUnread()) {
      throw new IllegalStateException("in-flight records can only be appended while nothing is unread");
    }
    long end = write(record);
    if (end >= 0) {
      readPosition = end;
    }
    return end;
  }

  private long write(Outbound record) {
    byte[] payload = codec.encode(record);
    int length = RECORD_HEADER + payload.length;
    try {
      if (length + writeSegment.headerLength > maxBytes) {
        log.error("a {}-byte record exceeds the spool bound of {} bytes; dropping it", length, maxBytes);
        dropped.increment();
        return -1;
      }
      if (writeSegment.size + length > segmentBytes && writeSegment.size > writeSegment.headerLength) {
        roll();
      }
      while (totalBytes + length > maxBytes && segments.size() > 1) {
        dropOldestSegment();
      }
      crc.reset();
      crc.update(payload);
      ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER).putInt(payload.length).putInt((int) crc.getValue()).flip();
      ByteBuffer body = ByteBuffer.wrap(payload);
      long at = writeSegment.size;
      while (head.hasRemaining() || body.hasRemaining()) {
        long written = writeChannel.write(new ByteBuffer[] {head, body});
        if (written < 0) {
          throw new IOException("write returned " + written);
        }
      }
      writeSegment.size = at + length;
      totalBytes += length;
      unsynced = true;
      if (fsyncIntervalNanos == 0) {
        sync();
      }
      return position(writeSegment.id, writeSegment.size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to spool " + dir, e);
    }
  }

  private void roll() throws IOException {
    writeChannel.force(true);
    writeChannel.close();
    writeSegment = createSegment(writeSegment.id + 1);
    writeChannel = FileChannel.open(writeSegment.path, StandardOpenOption.WRITE);
    writeChannel.position(writeSegment.size);
    unsynced = false;
  }

  private void dropOldestSegment() throws IOException {
    Segment oldest = segments.firstEntry().getValue();
    long next = segments.higherKey(oldest.id);
    long unread = 0;
    if (segmentOf(readPosition) <= oldest.id) {
      unread = countRecords(oldest, Math.max(offsetOf(readPosition), oldest.headerLength));
    }
    deleteSegment(oldest);
    if (segmentOf(committed) <= oldest.id) {
      committed = position(next, 0);
    }
    if (segmentOf(readPosition) <= oldest.id) {
      readPosition = position(next, 0);
      lookahead = null;
    }
    dropped.add(unread);
    log.warn("spool {} reached its bound of {} bytes: dropped its oldest segment with {} unsent records", dir,
        maxBytes, unread);
    writeCheckpoint();
  }

  private long countRecords(Segment segment, long from) throws IOException {
    long n = 0;
    try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ)) {
      long at = from;
      while (at < segment.size) {
        long end = validRecordEnd(ch, segment, at);
        if (end < 0) {
          break;
        }
        n++;
        at = end;
      }
    }
    return n;
  }

  private void deleteSegment(Segment segment) throws IOException {
    if (readChannelSegment == segment.id) {
      readChannel.close();
      readChannel = null;
      readChannelSegment = -1;
    }
    Files.deleteIfExists(segment.path);
    segments.remove(segment.id);
    totalBytes -= segment.size;
  }

  /** True when records wait to be handed out. */
  public boolean hasUnread() {
    normalizeRead();
    return readPosition < writePosition();
  }

  /** Moves the read position over segment ends, deleted segments and headers to the next record. */
  private void normalizeRead() {
    while (true) {
      Segment s = segments.get(segmentOf(readPosition));
      if (s == null) {
        Long next = segments.higherKey(segmentOf(readPosition));
        if (next == null) {
          return;
        }
        readPosition = position(next, 0);
        continue;
      }
      if (offsetOf(readPosition) < s.headerLength) {
        readPosition = position(s.id, s.headerLength);
      }
      Long next = segments.higherKey(s.id);
      if (offsetOf(readPosition) < s.size || next == null) {
        return;
      }
      readPosition = position(next, 0);
    }
  }

  /** The sequence number of the next unread record, or {@link Long#MAX_VALUE} when none. */
  public long nextSeq() {
    if (lookahead == null) {
      lookahead = readNext();
    }
    return lookahead == null ? Long.MAX_VALUE : lookahead.record().seq();
  }

  /** Hands out the next unread record, or null when none. */
  public Entry next() {
    Entry e = lookahead != null ? lookahead : readNext();
    lookahead = null;
    if (e != null) {
      readPosition = e.endPosition();
    }
    return e;
  }

  private Entry readNext() {
    while (hasUnread()) {
      Segment segment = segments.get(segmentOf(readPosition));
      long at = offsetOf(readPosition);
      try {
        if (readChannelSegment != segment.id) {
          if (readChannel != null) {
            readChannel.close();
          }
          readChannel = FileChannel.open(segment.path, StandardOpenOption.READ);
          readChannelSegment = segment.id;
        }
        byte[] payload = readPayload(readChannel, segment, at);
        if (payload != null) {
          long end = position(segment.id, at + RECORD_HEADER + payload.length);
          try {
            return new Entry(codec.decode(payload, segment.schemas, end > sessionStart), end);
          } catch (IllegalArgumentException e) {
            log.error("spool {}: skipping an unreadable record in {}: {}", dir, segment.path, e.getMessage());
            dropped.increment();
            readPosition = end;
            continue;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read spool " + dir, e);
      }
      log.error("spool {}: corrupt record in {} at offset {}; skipping the rest of the segment", dir, segment.path, at);
      dropped.increment();
      if (segment == writeSegment) {
        readPosition = writePosition();
      } else {
        readPosition = position(segment.id + 1, 0);
      }
    }
    return null;
  }

  /** Records up to {@code endPosition} were delivered; fully delivered segments are deleted. */
  public void commit(long endPosition) {
    if (endPosition <= committed) {
      return;
    }
    committed = endPosition;
    try {
      while (segments.firstKey() < segmentOf(committed) && segments.firstEntry().getValue() != writeSegment) {
        deleteSegment(segments.firstEntry().getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete delivered spool segment in " + dir, e);
    }
  }

  /** Forces written records to disk and saves the checkpoint when the fsync interval has passed. */
  public void maintain() {
    if (System.nanoTime() - lastSync >= fsyncIntervalNanos) {
      sync();
    }
  }

  private void sync() {
    try {
      if (unsynced) {
        writeChannel.force(false);
        unsynced = false;
      }
      if (committed != checkpointed) {
        writeCheckpoint();
      }
      lastSync = System.nanoTime();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync spool " + dir, e);
    }
  }

  private void writeCheckpoint() throws IOException {
    Path tmp = dir.resolve(CHECKPOINT + ".tmp");
    Files.writeString(tmp, Long.toString(committed));
    Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    checkpointed = committed;
  }

  /** Bytes on disk. */
  public long bytes() {
    return totalBytes;
  }

  /** The spool's directory. */
  public Path directory() {
    return dir;
  }

  private long writePosition() {
    return position(writeSegment.id, writeSegment.size);
  }

  private static long position(long segment, long offset) {
    return (segment << 32) | offset;
  }

  private static long segmentOf(long position) {
    return position >>> 32;
  }

  private static long offsetOf(long position) {
    return position & 0xffffffffL;
  }

  /** Forces everything to disk, saves the checkpoint and releases the directory. */
  @Override
  public void close() {
    try {
      sync();
    } finally {
      closeQuietly(writeChannel);
      closeQuietly(readChannel);
      try {
        lock.release();
      } catch (IOException e) {
        log.debug("releasing spool lock: {}", e.toString());
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        log.debug("closing spool file: {}", e.toString());
      }
    }
  }
}
