package io.guardstream.deploy;

import io.guardstream.app.config.AppConfig;
import io.guardstream.app.config.ConfigException;
import io.guardstream.embedded.Ports;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code demo} and {@code local}: the local stack, with or without simulated traffic. */
final class StackCommand {
  private StackCommand() {}

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Start a local broker, schema registry and guardstream with simulated chatbot traffic, "
          + "and print alerts as they appear. Ctrl-C stops everything.")
  static final class Demo implements java.util.concurrent.Callable<Integer> {
    @Mixin StackOptions options;

    @Override
    public Integer call() throws Exception {
      // Short windows so the simulated misbehaving user stands out within minutes.
      return run(options, true, Map.of(
          AppConfig.ANOMALY_WINDOWS.key(), "10s,1m",
          AppConfig.ANOMALY_GRACE.key(), "2s",
          AppConfig.ALERT_SUPPRESSION.key(), "2m"));
    }
  }

  @Command(name = "local", mixinStandardHelpOptions = true,
      description = "Start a local broker, schema registry and guardstream without traffic, for pointing "
          + "your own app at it. Ctrl-C stops everything.")
  static final class Local implements java.util.concurrent.Callable<Integer> {
    @Mixin StackOptions options;

    @Override
    public Integer call() throws Exception {
      return run(options, false, Map.of());
    }
  }

  static int run(StackOptions options, boolean demo, Map<String, String> overrides) throws InterruptedException {
    PrintStream out = System.out;
    Map<String, String> app = new java.util.HashMap<>(overrides);
    String apiKey = System.getenv(AppConfig.API_KEY.envName());
    if (apiKey == null || apiKey.isBlank()) {
      apiKey = UUID.randomUUID().toString();
      app.put(AppConfig.API_KEY.key(), apiKey);
    }
    LocalStack stack;
    try {
      stack = LocalStack.start(options.settings(app), System.err);
    } catch (Ports.PortInUseException | ConfigException e) {
      System.err.println("guardstream: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AutoCloseable[] extras = new AutoCloseable[2];
    ScheduledExecutorService stats = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stats");
      t.setDaemon(true);
      return t;
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("stopping...");
      stats.shutdownNow();
      for (AutoCloseable c : extras) {
        if (c != null) {
          try {
            c.close();
          } catch (Exception e) {
            System.err.println("error while stopping: " + e);
          }
        }
      }
      stack.close();
      System.err.println("stopped");
      stopped.countDown();
    }, "local-stack-shutdown"));

    stack.printEndpoints(out);
    out.println("api.key=" + stack.config().get(AppConfig.API_KEY));
    AppConfig config = stack.config();
    extras[0] = AlertPrinter.start(stack.bootstrapServers(), stack.registryUrl(), config.get(AppConfig.TOPIC_ALERTS), out);
    if (demo) {
      DemoTraffic traffic = DemoTraffic.start(stack.bootstrapServers(), stack.registryUrl(),
          config.get(AppConfig.TOPIC_EVENTS), config.get(AppConfig.TOPIC_SYSTEM_PROMPTS));
      extras[1] = traffic;
      System.err.println("demo traffic running: 11 users of 'support-bot'; user acme/mallory turns hostile after "
          + DemoTraffic.MALLORY_TURNS_AFTER.toSeconds() + " s. Alerts follow. Ctrl-C to stop.");
      MeterRegistry registry = stack.app().metrics().registry();
      stats.scheduleAtFixedRate(() -> System.err.printf("stats: sent %d, guarded %.0f, alerts %.0f, dlq %.0f%n",
          traffic.sent(), sum(registry, "guardstream.events"), sum(registry, "guardstream.alerts"),
          sum(registry, "guardstream.dlq")), 15, 15, TimeUnit.SECONDS);
    } else {
      System.err.println("ready; produce AiEvent records to " + config.get(AppConfig.TOPIC_EVENTS)
          + " (key tenant:user). Ctrl-C to stop.");
    }
    stopped.await();
    return 0;
  }

  private static double sum(MeterRegistry registry, String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
