package io.guardstream.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's promtool on rule files. */
final class Promtool {
  /** Exit code and combined output of one run. */
  record Result(int exitCode, String output) {}

  private Promtool() {}

  /** {@code promtool check rules FILE}: syntax, expressions, templates. */
  static Result checkRules(Path rules) throws IOException, InterruptedException {
    return run(rules.toAbsolutePath().getParent(), "check", "rules", rules.toAbsolutePath().toString());
  }

  /** {@code promtool check config FILE}: a Prometheus configuration file. */
  static Result checkConfig(Path config) throws IOException, InterruptedException {
    return run(config.toAbsolutePath().getParent(), "check", "config", config.toAbsolutePath().toString());
  }

  /** {@code promtool test rules FILE}, run beside the file so its rule_files resolve. */
  static Result testRules(Path tests) throws IOException, InterruptedException {
    return run(tests.toAbsolutePath().getParent(), "test", "rules", tests.getFileName().toString());
  }

  private static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(DebianPrometheus.PROMTOOL.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, output + "\n(promtool did not finish in 60 s)");
    }
    return new Result(process.exitValue(), output);
  }
}
