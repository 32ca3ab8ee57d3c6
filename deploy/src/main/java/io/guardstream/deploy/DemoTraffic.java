package io.guardstream.deploy;

import io.guardstream.sdk.GuardstreamClient;
import io.guardstream.sdk.GuardstreamConfig;
import io.guardstream.sdk.Interaction;
import io.guardstream.sdk.RetrievedDoc;
import io.guardstream.sdk.UserContext;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Simulated users of a support chatbot sending interactions (prompt, retrieval, tool call and
 * result, response) through the producer SDK, as an instrumented app would: mostly ordinary,
 * sometimes an attack, a leak or a poisoned document. One user, mallory, behaves for the first
 * minutes and then starts hammering the bot with attacks from many sessions, which the per-user
 * baseline should flag.
 */
final class DemoTraffic implements AutoCloseable {
  static final String APP = "support-bot";
  static final Duration MALLORY_TURNS_AFTER = Duration.ofSeconds(120);

  private record User(String tenant, String id, List<String> roles, String ip) {}

  private static final List<User> USERS = List.of(
      new User("acme", "alice", List.of("support"), "10.0.1.11"),
      new User("acme", "bob", List.of("support"), "10.0.1.12"),
      new User("acme", "carol", List.of("support", "billing"), "10.0.1.13"),
      new User("acme", "dave", List.of("sales"), "10.0.1.14"),
      new User("acme", "grace", List.of("support"), "10.0.1.15"),
      new User("acme", "heidi", List.of("support"), "10.0.1.16"),
      new User("acme", "ivan", List.of("billing"), "10.0.1.17"),
      new User("acme", "judy", List.of("sales"), "10.0.1.18"),
      new User("globex", "erin", List.of("support"), "10.8.0.21"),
      new User("globex", "frank", List.of("support"), "10.8.0.22"));
  private static final User MALLORY = new User("acme", "mallory", List.of("support"), "10.0.1.66");

  private final GuardstreamClient client;
  private final String canary;
  private final Random random = new Random();
  private final long startedAt = System.currentTimeMillis();
  private final Thread thread;
  private volatile boolean running = true;

  private DemoTraffic(GuardstreamClient client, String canary) {
    this.client = client;
    this.canary = canary;
    this.thread = new Thread(this::run, "demo-traffic");
    this.thread.setDaemon(true);
  }

  /** Registers the demo app's system prompt (fingerprints only, with a canary) and starts sending. */
  static DemoTraffic start(String bootstrapServers, String registryUrl, String eventsTopic, String promptsTopic) {
    GuardstreamClient client = GuardstreamClient.builder()
        .bootstrapServers(bootstrapServers)
        .schemaRegistryUrl(registryUrl)
        .app(APP, "1.4.2", "demo")
        .set(GuardstreamConfig.TOPIC_EVENTS, eventsTopic)
        .set(GuardstreamConfig.TOPIC_SYSTEM_PROMPTS, promptsTopic)
        .set(GuardstreamConfig.RULES_FOLLOW, "false")
        .set(GuardstreamConfig.METRICS_MICROMETER, "false")
        .closeTimeout(Duration.ofSeconds(5))
        .start();
    String canary = client.newCanary();
    client.registerSystemPrompt("main", DemoScript.SYSTEM_PROMPT, List.of(canary));
    DemoTraffic traffic = new DemoTraffic(client, canary);
    traffic.thread.start();
    return traffic;
  }

  /** Events Kafka acknowledged so far. */
  long sent() {
    return client.stats().sent();
  }

  private void run() {
    while (running) {
      try {
        User user = USERS.get(random.nextInt(USERS.size()));
        interaction(user, false);
        boolean malloryAwake = System.currentTimeMillis() - startedAt > MALLORY_TURNS_AFTER.toMillis();
        if (malloryAwake) {
          for (int i = 0; i < 3; i++) {
            interaction(MALLORY, true);
          }
        } else if (random.nextInt(6) == 0) {
          interaction(MALLORY, false);
        }
        Thread.sleep(150 + random.nextInt(150));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void interaction(User user, boolean hostile) {
    String session = hostile ? "s-" + Long.toHexString(random.nextLong())
        : "s-" + user.id() + "-" + (System.currentTimeMillis() / 600_000);
    String ip = hostile ? "203.0.113." + random.nextInt(255) : user.ip();
    UserContext who = UserContext.of(user.tenant(), user.id()).withRoles(user.roles().toArray(String[]::new))
        .withSession(session).withConversation("c-" + session).withClientIp(ip);
    Interaction turn = client.interaction(who).withModel("openai", "gpt-4o-mini");
    int dice = random.nextInt(100);
    String prompt = hostile || dice < 3 ? pick(DemoScript.ATTACK_PROMPTS) : pick(DemoScript.BENIGN_PROMPTS);
    turn.prompt(prompt).record();

    if (!hostile && random.nextInt(4) == 0) {
      boolean poisoned = random.nextInt(25) == 0;
      turn.retrieval(List.of(new RetrievedDoc("kb-" + (poisoned ? "returns-v7" : "returns-v6"), List.of("public"),
              "knowledge-base")))
          .content(poisoned ? DemoScript.POISONED_DOCUMENT : "Returns policy: items can be returned within 30 days.")
          .record();
    }
    if (!hostile && random.nextInt(3) == 0) {
      String tool = pick(DemoScript.TOOLS);
      String callId = "call-" + random.nextInt(1_000_000);
      turn.toolCall(tool, "{\"order_id\":\"A-" + (10000 + random.nextInt(90000)) + "\"}").callId(callId).record();
      turn.toolResult(tool, "{\"status\":\"shipped\",\"carrier\":\"DHL\"}").callId(callId)
          .latencyMs(20L + random.nextInt(200)).record();
    }
    String response;
    if (hostile) {
      response = "I can't help with that request.";
    } else if (dice == 97) {
      response = DemoScript.awsLeak(random);
    } else if (dice == 98) {
      response = DemoScript.customerDataLeak(random);
    } else if (dice == 99) {
      response = DemoScript.promptLeak(canary);
    } else {
      response = pick(DemoScript.BENIGN_RESPONSES);
    }
    turn.response(response)
        .usage(prompt.length() / 4, response.length() / 4)
        .latencyMs(300L + random.nextInt(1500))
        .responseModel("gpt-4o-mini-2024-07-18")
        .record();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** Stops the simulated users, then delivers what the SDK holds (within its close timeout). */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
