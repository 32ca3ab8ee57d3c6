package io.guardstream.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Released copies of the contract: {@code <released>/<version>/<Name>.avsc}, each a top-level
 * schema fully resolved, as it was when that version shipped. The newest version is the baseline
 * every change must stay BACKWARD compatible with.
 */
public final class ReleasedSchemas {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  /** Numeric order: 0.10.0 after 0.9.0. */
  static final Comparator<String> VERSION_ORDER = Comparator
      .comparingInt((String v) -> part(v, 0)).thenComparingInt(v -> part(v, 1)).thenComparingInt(v -> part(v, 2));

  private ReleasedSchemas() {}

  /** Whether {@code version} is MAJOR.MINOR.PATCH. */
  public static boolean isVersion(String version) {
    return VERSION.matcher(version).matches();
  }

  /** All release versions under {@code releasedDir}, oldest first. */
  public static List<String> versions(Path releasedDir) {
    if (!Files.isDirectory(releasedDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(releasedDir)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(ReleasedSchemas::isVersion).sorted(VERSION_ORDER).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + releasedDir, e);
    }
  }

  /** The newest release version, if any. */
  public static Optional<String> latestVersion(Path releasedDir) {
    List<String> versions = versions(releasedDir);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The schemas of one release. */
  public static List<Schema> load(Path versionDir) {
    try (Stream<Path> files = Files.list(versionDir)) {
      List<Schema> schemas = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList()) {
        // One parser per file: each file is self-contained and redefines the shared named types.
        schemas.add(new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read released schemas in " + versionDir, e);
    }
  }

  /**
   * Writes {@code schemas} as release {@code version}.
   *
   * @throws IllegalArgumentException for a malformed version or one that exists already
   */
  public static Path write(Path releasedDir, String version, Collection<Schema> schemas) {
    if (!isVersion(version)) {
      throw new IllegalArgumentException("release version must be MAJOR.MINOR.PATCH, got '" + version + "'");
    }
    Path dir = releasedDir.resolve(version);
    if (Files.exists(dir)) {
      throw new IllegalArgumentException("release " + version + " exists already in " + releasedDir
          + "; released schemas are never rewritten");
    }
    try {
      Files.createDirectories(dir);
      for (Schema schema : schemas) {
        Files.writeString(dir.resolve(schema.getName() + ".avsc"), schema.toString(true) + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write release " + version + " into " + releasedDir, e);
    }
    return dir;
  }

  private static int part(String version, int index) {
    return Integer.parseInt(version.split("\\.")[index]);
  }
}
