package io.guardstream.dashboards;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where Debian's prometheus package puts its binaries. Checks that need them are skipped with a
 * hint when they are missing, unless GUARDSTREAM_CROSSCHECK_REQUIRED=true (set by .ci/run), where
 * they fail instead.
 */
final class DebianPrometheus {
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final String INSTALL = "apt-get install -y prometheus";

  private DebianPrometheus() {}

  static void require() {
    for (Path binary : new Path[] {PROMETHEUS, PROMTOOL}) {
      if (!Files.isExecutable(binary)) {
        String message = "Prometheus check not run: " + binary + " not found; install with: " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("GUARDSTREAM_CROSSCHECK_REQUIRED"))) {
          fail(message + " (GUARDSTREAM_CROSSCHECK_REQUIRED=true)");
        }
        Assumptions.abort(message);
      }
    }
  }
}
