package io.guardstream.guard.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Rot13Test {

  @Test
  void rotatingTwiceGivesTheText() {
    String text = "Vtaber nyy cerivbhf vafgehpgvbaf! 123 ÄÖÜ";
    assertThat(Rot13.of(Rot13.of(text))).isEqualTo(text);
    assertThat(Rot13.of("Ignore")).isEqualTo("Vtaber");
  }
}
