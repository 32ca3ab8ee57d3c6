package io.guardstream.bench.sdk;

import io.guardstream.sdk.GuardstreamClient;
import io.guardstream.sdk.GuardstreamConfig;
import io.guardstream.sdk.Interaction;
import io.guardstream.sdk.UserContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's record call as the app's thread sees it: build the event, queue it, return. Kafka is
 * unreachable here (nothing listens on the bootstrap port), so after the first milliseconds the
 * buffer is full and every record also drops the oldest event: the outage path, the most the
 * caller ever pays. Percentiles: {@code -bm sample}; allocation per call: {@code -prof gc}.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SdkRecordBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class SdkRecordBenchmark {
  private static final String PROMPT = "Hi, I ordered a rain jacket last week (order B-20417) and the tracking page "
      + "has not changed for three days. Can you check where it is and whether it will arrive before Friday?";
  private static final String ANSWER = "Your order B-20417 left our warehouse on Tuesday and is with DHL; the "
      + "current estimate is Thursday, so it should arrive before Friday.";

  private GuardstreamClient client;
  private Interaction turn;

  @Setup(Level.Trial)
  public void setUp() {
    client = GuardstreamConfig.builder()
        .bootstrapServers("127.0.0.1:9")
        .schemaRegistryUrl("http://127.0.0.1:9")
        .app("bench", "1.0", "bench")
        .set(GuardstreamConfig.RULES_FOLLOW, "false")
        .set(GuardstreamConfig.METRICS_MICROMETER, "false")
        .closeTimeout(Duration.ZERO)
        .start();
    turn = client.interaction(UserContext.of("acme", "alice").withRoles("support").withSession("s-1"))
        .withModel("openai", "gpt-4o-mini");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /** The common case: a prompt with its text. */
  @Benchmark
  public void recordPrompt() {
    turn.prompt(PROMPT).record();
  }

  /** A response with usage, latency, model and an attribute. */
  @Benchmark
  public void recordResponseWithDetails() {
    turn.response(ANSWER).usage(812, 64).latencyMs(930).responseModel("gpt-4o-mini-2024-07-18")
        .attribute("channel", "web").record();
  }

  /** A new interaction per call (fresh interaction id) plus its prompt. */
  @Benchmark
  public void newInteractionAndPrompt() {
    client.interaction(turn.user()).withModel("openai", "gpt-4o-mini").prompt(PROMPT).record();
  }
}
