package io.guardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireFormatTest {
  @Test
  void headerIsMagicByteThenBigEndianId() {
    assertThat(WireFormat.header(1)).containsExactly(0, 0, 0, 0, 1);
    assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
    assertThat(WireFormat.header(Integer.MAX_VALUE)).containsExactly(0, 0x7f, 0xff, 0xff, 0xff);
  }

  @Test
  void idIsReadBackFromTheHeader() {
    for (int id : new int[] {0, 1, 255, 256, 65_537, 0x7f00ff01, Integer.MAX_VALUE}) {
      byte[] payload = new byte[] {0, 0, 0, 0, 0, 42};
      System.arraycopy(WireFormat.header(id), 0, payload, 0, 5);
      assertThat(WireFormat.schemaId("t", payload)).isEqualTo(id);
    }
  }

  @Test
  void headerOnlyPayloadIsAcceptedAsEmptyBody() {
    assertThat(WireFormat.schemaId("t", new byte[] {0, 0, 0, 0, 9})).isEqualTo(9);
  }

  @Test
  void wrongMagicByteIsNamedWithTheTopic() {
    assertThatThrownBy(() -> WireFormat.schemaId("ai.events", "{\"json\":1}".getBytes()))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("ai.events")
        .hasMessageContaining("0x7b");
  }

  @Test
  void shortPayloadsAreRefused() {
    for (int length = 0; length < 5; length++) {
      byte[] payload = new byte[length];
      assertThatThrownBy(() -> WireFormat.schemaId("t", payload))
          .isInstanceOf(UnknownMagicByteException.class)
          .hasMessageContaining(length + " bytes long, too short");
    }
  }
}
