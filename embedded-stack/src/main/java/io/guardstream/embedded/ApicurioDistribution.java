package io.guardstream.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Finds or fetches Apicurio Registry's prebuilt distribution. Confluent's registry is not on Maven
 * Central; Apicurio's is, as a tarball whose parent POM is missing, so it is fetched by URL (SHA-1
 * checked against Central's checksum) and unpacked once into a cache directory.
 */
public final class ApicurioDistribution {
  public static final String VERSION = "3.0.9";
  private static final String NAME = "apicurio-registry-app-" + VERSION;
  private static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";

  private ApicurioDistribution() {}

  /** Cache directory: GUARDSTREAM_CACHE_DIR, else ~/.cache/guardstream. */
  public static Path defaultCacheDir() {
    String configured = System.getenv("GUARDSTREAM_CACHE_DIR");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "guardstream");
  }

  /**
   * The runner jar of the distribution, downloading and unpacking it into {@code cacheDir} on
   * first use. Safe against concurrent callers in other JVMs.
   */
  public static Path runnerJar(Path cacheDir) {
    Path home = cacheDir.resolve(NAME);
    Path runner = home.resolve(NAME + "-runner.jar");
    if (Files.isRegularFile(runner)) {
      return runner;
    }
    try {
      Files.createDirectories(cacheDir);
      try (FileChannel channel = FileChannel.open(cacheDir.resolve(NAME + ".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (!Files.isRegularFile(runner)) {
          install(cacheDir, home);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install Apicurio Registry " + VERSION + " into " + cacheDir, e);
    }
    return runner;
  }

  private static void install(Path cacheDir, Path home) throws IOException {
    Path tarball = cacheDir.resolve(NAME + "-all.tar.gz");
    if (!Files.isRegularFile(tarball)) {
      download(tarball);
    }
    Path staging = Files.createTempDirectory(cacheDir, NAME + "-unpack");
    run(new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", staging.toString()));
    Path unpacked = Files.isRegularFile(staging.resolve(NAME + "-runner.jar")) ? staging : staging.resolve(NAME);
    if (!Files.isRegularFile(unpacked.resolve(NAME + "-runner.jar"))) {
      throw new IOException("unexpected layout of " + tarball + ": no " + NAME + "-runner.jar");
    }
    Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void download(Path target) throws IOException {
    String repository = System.getenv().getOrDefault("GUARDSTREAM_MAVEN_REPOSITORY", DEFAULT_REPOSITORY);
    String url = repository + "/io/apicurio/apicurio-registry-app/" + VERSION + "/" + NAME + "-all.tar.gz";
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    try {
      String expectedSha1 = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII)).body().trim().split("\\s+")[0];
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      HttpResponse<InputStream> response = http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
      }
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      try (InputStream in = response.body();
          var out = Files.newOutputStream(partial)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha1.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(sha1.digest());
      if (!actual.equalsIgnoreCase(expectedSha1)) {
        Files.deleteIfExists(partial);
        throw new IOException("checksum mismatch for " + url + ": expected SHA-1 " + expectedSha1 + ", got " + actual);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(ProcessBuilder command) throws IOException {
    Process process = command.redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command.command()) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
