package io.guardstream.app.cli;

import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.BaselineState;
import io.guardstream.app.anomaly.FeatureSpec;
import io.guardstream.app.anomaly.ScorerConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code guardstream score-series}: scores a univariate time series with the same anomaly scorer
 * the topology applies to per-user window features (DESIGN.md evaluation contract).
 */
@Command(
    name = "score-series",
    mixinStandardHelpOptions = true,
    description = {
        "Scores a time series CSV (header with 'timestamp' and 'value' columns) and writes the",
        "same rows with an added anomaly_score in [0, 1]. Each row's score uses only earlier",
        "rows. Timestamps: 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO-8601, optionally with fraction",
        "and offset. Blank lines are skipped; a malformed line stops with its line number."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:scored file written", "1:I/O error", "2:malformed input"})
public final class ScoreSeriesCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter(Locale.ROOT);

  @Option(names = "--input", required = true, paramLabel = "SERIES.csv",
      description = "Series to score: a header naming 'timestamp' and 'value', then one row each.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "SCORED.csv",
      description = "Where to write the rows with anomaly_score appended.")
  Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A line of the input that cannot be scored. */
  static final class MalformedInputException extends Exception {
    MalformedInputException(long line, String message) {
      super("line " + line + ": " + message);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path absolute = output.toAbsolutePath();
    Path temp = null;
    try {
      // Write beside the target and move into place, so a failed run leaves no partial output.
      temp = Files.createTempFile(absolute.getParent(), ".score-series", ".tmp");
      int rows = score(temp);
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      spec.commandLine().getOut().printf(Locale.ROOT, "scored %d rows into %s%n", rows, output);
      return 0;
    } catch (MalformedInputException e) {
      err.println("score-series: " + input + ": " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("score-series: " + e);
      return 1;
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temp file is hidden and named as ours.
        }
      }
    }
  }

  private int score(Path target) throws IOException, MalformedInputException {
    AnomalyScorer scorer = new AnomalyScorer(FeatureSpec.univariate("value"), ScorerConfig.defaults());
    BaselineState state = scorer.newState();
    double[] features = new double[1];
    int rows = 0;
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      String line;
      long lineNo = 0;
      int timestampColumn = -1;
      int valueColumn = -1;
      int columns = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] fields = split(line);
        if (timestampColumn < 0) {
          List<String> header = Arrays.stream(fields).map(f -> f.toLowerCase(Locale.ROOT)).toList();
          timestampColumn = header.indexOf("timestamp");
          valueColumn = header.indexOf("value");
          if (timestampColumn < 0 || valueColumn < 0) {
            throw new MalformedInputException(lineNo,
                "expected a header naming 'timestamp' and 'value' columns, got: " + abbreviate(line));
          }
          columns = fields.length;
          out.write(line + ",anomaly_score");
          out.newLine();
          continue;
        }
        if (fields.length != columns) {
          throw new MalformedInputException(lineNo,
              "expected " + columns + " fields, got " + fields.length + ": " + abbreviate(line));
        }
        long time = parseTime(fields[timestampColumn], lineNo);
        features[0] = parseValue(fields[valueColumn], lineNo);
        double score = scorer.score(state, time, features).fraction();
        scorer.update(state, time, features);
        out.write(line);
        out.write(String.format(Locale.ROOT, ",%.9f", score));
        out.newLine();
        rows++;
      }
      if (timestampColumn < 0) {
        throw new MalformedInputException(lineNo, "no header: the file is empty");
      }
    }
    return rows;
  }

  private static String[] split(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i].trim();
      if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
        f = f.substring(1, f.length() - 1).trim();
      }
      fields[i] = f;
    }
    return fields;
  }

  /** Epoch millis; a timestamp without offset is taken as UTC. */
  static long parseTime(String text, long lineNo) throws MalformedInputException {
    try {
      TemporalAccessor t = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      OffsetDateTime odt = t instanceof OffsetDateTime o ? o : ((LocalDateTime) t).atOffset(ZoneOffset.UTC);
      return odt.toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new MalformedInputException(lineNo, "bad timestamp '" + abbreviate(text)
          + "' (expected YYYY-MM-DD HH:MM:SS or ISO-8601)");
    }
  }

  private static double parseValue(String text, long lineNo) throws MalformedInputException {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedInputException(lineNo, "bad value '" + abbreviate(text) + "' (expected a finite number)");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
