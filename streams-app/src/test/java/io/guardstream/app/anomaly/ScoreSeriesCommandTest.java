package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.app.cli.ScoreSeriesCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreSeriesCommandTest {

  private static final DateTimeFormatter NAB = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(Path input, Path output) {
    CommandLine cli = new CommandLine(new ScoreSeriesCommand());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute("--input", input.toString(), "--output", output.toString());
  }

  /** Five-minute rows of a daily wave with noise, and one spike at row {@code spikeAt}. */
  private static List<String> series(int rows, int spikeAt) {
    Random random = new Random(11);
    LocalDateTime t = LocalDateTime.of(2024, 3, 1, 0, 0);
    List<String> lines = new ArrayList<>();
    lines.add("timestamp,value");
    for (int i = 0; i < rows; i++) {
      double v = 50 + 20 * Math.sin(2 * Math.PI * i / 288.0) + random.nextGaussian();
      if (i == spikeAt) {
        v += 40;
      }
      lines.add(NAB.format(t.plusMinutes(5L * i)) + "," + String.format(Locale.ROOT, "%.3f", v));
    }
    return lines;
  }

  private static double[] scores(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output);
    assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score");
    return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).toArray();
  }

  @Test
  void scoresEveryRowCausallyAndFlagsTheSpike() throws IOException {
    List<String> all = series(900, 700);
    Path full = dir.resolve("full.csv");
    Files.write(full, all);
    Path prefix = dir.resolve("prefix.csv");
    Files.write(prefix, all.subList(0, 651));

    assertThat(run(full, dir.resolve("full.out.csv"))).isZero();
    assertThat(run(prefix, dir.resolve("prefix.out.csv"))).isZero();

    double[] fullScores = scores(dir.resolve("full.out.csv"));
    double[] prefixScores = scores(dir.resolve("prefix.out.csv"));
    assertThat(fullScores).hasSize(900);
    assertThat(prefixScores).hasSize(650);
    for (int i = 0; i < prefixScores.length; i++) {
      assertThat(fullScores[i]).as("row %d", i).isEqualTo(prefixScores[i]);
    }
    assertThat(java.util.Arrays.stream(fullScores).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    assertThat(java.util.Arrays.stream(fullScores).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    int argmax = 0;
    for (int i = 1; i < fullScores.length; i++) {
      argmax = fullScores[i] > fullScores[argmax] ? i : argmax;
    }
    assertThat(argmax).isEqualTo(700);
    assertThat(fullScores[700]).isGreaterThan(0.5);
    List<String> out = Files.readAllLines(dir.resolve("full.out.csv"));
    assertThat(out.get(701)).startsWith(all.get(701) + ",");
  }

  @Test
  void acceptsIsoTimestampsAndSkipsBlankLines() throws IOException {
    Path input = dir.resolve("iso.csv");
    Files.writeString(input, "timestamp,value\r\n"
        + "2024-03-01T00:00:00Z,1.5\r\n"
        + "\r\n"
        + "2024-03-01T00:05:00.250+01:00,2\r\n"
        + "2024-03-01 00:10:00,2.5\r\n");
    Path output = dir.resolve("iso.out.csv");

    assertThat(run(input, output)).isZero();

    assertThat(Files.readAllLines(output)).hasSize(4).element(2).asString()
        .startsWith("2024-03-01T00:05:00.250+01:00,2,");
  }

  @Test
  void aMalformedLineStopsWithItsNumberAndWritesNothing() throws IOException {
    Path input = dir.resolve("bad.csv");
    Files.writeString(input, "timestamp,value\n2024-03-01 00:00:00,1\n\n2024-03-01 00:10:00,abc\n");
    Path output = dir.resolve("bad.out.csv");

    assertThat(run(input, output)).isEqualTo(2);

    assertThat(err.toString()).contains("line 4").contains("bad value 'abc'");
    assertThat(output).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }
  }

  @Test
  void reportsABadTimestampAndAMissingHeader() throws IOException {
    Path badTime = dir.resolve("time.csv");
    Files.writeString(badTime, "timestamp,value\n01/03/2024 00:00,1\n");
    assertThat(run(badTime, dir.resolve("o1.csv"))).isEqualTo(2);
    assertThat(err.toString()).contains("line 2").contains("bad timestamp");

    Path noHeader = dir.resolve("nohead.csv");
    Files.writeString(noHeader, "2024-03-01 00:00:00,1\n");
    assertThat(run(noHeader, dir.resolve("o2.csv"))).isEqualTo(2);
    assertThat(err.toString()).contains("line 1").contains("header");
  }
}
