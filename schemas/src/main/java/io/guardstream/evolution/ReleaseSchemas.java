package io.guardstream.evolution;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Records the current contract as a new release: {@code ReleaseSchemas VERSION [RELEASED_DIR]}.
 * Refuses when the current schemas are not BACKWARD compatible with the latest release, so a
 * release can never start from a broken baseline. Run through {@code schemas/release-schemas.sh}.
 */
public final class ReleaseSchemas {
  private ReleaseSchemas() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ReleaseSchemas VERSION [RELEASED_DIR (default schemas/released)]");
      System.exit(2);
    }
    String version = args[0];
    if (!ReleasedSchemas.isVersion(version)) {
      System.err.println("release version must be MAJOR.MINOR.PATCH, got '" + version + "'");
      System.exit(2);
    }
    Path releasedDir = Path.of(args.length == 2 ? args[1] : "schemas/released");
    Optional<String> latest = ReleasedSchemas.latestVersion(releasedDir);
    if (latest.isPresent()) {
      if (ReleasedSchemas.VERSION_ORDER.compare(version, latest.get()) <= 0) {
        System.err.println("release " + version + " must be newer than the latest release " + latest.get());
        System.exit(1);
      }
      List<String> problems = BackwardCompatibility.check(ContractSchemas.topLevel(),
          ReleasedSchemas.load(releasedDir.resolve(latest.get())));
      if (!problems.isEmpty()) {
        System.err.println("current schemas are not BACKWARD compatible with release " + latest.get() + ":");
        problems.forEach(p -> System.err.println("  " + p));
        System.exit(1);
      }
    }
    try {
      Path dir = ReleasedSchemas.write(releasedDir, version, ContractSchemas.topLevel());
      System.out.println("released " + ContractSchemas.topLevel().size() + " schemas into " + dir);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
