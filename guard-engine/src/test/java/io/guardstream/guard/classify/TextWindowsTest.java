package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWindowsTest {

  private static List<int[]> windows(String text, int window, int maxScan) {
    List<int[]> out = new ArrayList<>();
    TextWindows.forEach(text, window, maxScan, (from, to) -> out.add(new int[] {from, to}));
    return out;
  }

  @Test
  void aShortTextIsOneWindow() {
    assertThat(windows("hello", 16, 64)).containsExactly(new int[] {0, 5});
    assertThat(windows("", 16, 64)).containsExactly(new int[] {0, 0});
  }

  @Test
  void aLongerTextIsCoveredByHalfOverlappingWindows() {
    List<int[]> w = windows("x".repeat(40), 16, 64);
    assertThat(w).containsExactly(
        new int[] {0, 16}, new int[] {8, 24}, new int[] {16, 32}, new int[] {24, 40});
  }

  @Test
  void aHugeTextIsReadAtItsHeadAndTailOnly() {
    List<int[]> w = windows("x".repeat(1000), 16, 64);
    int read = 0;
    for (int[] range : w) {
      assertThat(range[0] < 32 || range[0] >= 968).isTrue();
      read += range[1] - range[0];
    }
    assertThat(w.get(0)[0]).isZero();
    assertThat(w.get(w.size() - 1)[1]).isEqualTo(1000);
    assertThat(read).isLessThanOrEqualTo(2 * 64);
  }

  @Test
  void noWindowSplitsASurrogatePair() {
    String text = "\uD83D\uDE00".repeat(50); // every odd index is a low surrogate
    for (int[] range : windows(text, 17, 60)) {
      assertThat(range[0] % 2).isZero();
      assertThat(range[1] % 2).isZero();
    }
  }
}
