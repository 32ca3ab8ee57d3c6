package io.guardstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.app.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference in the README is AppConfig.reference(), verbatim, between its markers. */
class ReadmeConfigReferenceTest {
  private static final Path README = Path.of("..", "README.md");
  static final String BEGIN = "<!-- config-reference:begin (generated: ./guardstream config-reference) -->\n";
  static final String END = "<!-- config-reference:end -->";

  @Test
  void readmeTableMatchesTheConfigurationClass() throws Exception {
    String readme = Files.readString(README);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README has the marker %s", BEGIN.strip()).isNotNegative();
    assertThat(end).as("README has the marker %s", END).isGreaterThan(begin);
    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("README's configuration reference; replace it with the output of ./guardstream config-reference")
        .isEqualTo(AppConfig.reference());
  }
}
