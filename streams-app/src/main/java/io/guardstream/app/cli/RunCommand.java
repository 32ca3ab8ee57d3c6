package io.guardstream.app.cli;

import io.guardstream.app.GuardstreamApp;
import io.guardstream.app.config.AppConfig;
import io.guardstream.app.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: one guardstream instance against an existing Kafka cluster and registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the guardstream streams app against an existing Kafka cluster and schema registry. "
        + "Settings come from --config and GUARDSTREAM_* environment variables (see config-reference).")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", description = "Properties file with settings (environment variables override it).")
  Path config;

  @Override
  public Integer call() throws Exception {
    AppConfig appConfig;
    try {
      appConfig = AppConfig.load(load(config));
    } catch (ConfigException e) {
      System.err.println("guardstream: " + e.getMessage());
      return 2;
    }
    GuardstreamApp app = GuardstreamApp.start(appConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "guardstream-shutdown"));
    System.err.println("guardstream running; health on port " + app.httpPort() + " (/health/ready, /metrics)");
    stopped.await();
    return 0;
  }

  static Properties load(Path file) throws IOException {
    Properties props = new Properties();
    if (file != null) {
      try (Reader r = Files.newBufferedReader(file)) {
        props.load(r);
      }
    }
    return props;
  }
}
