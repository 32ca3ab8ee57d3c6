package io.guardstream.serde;

/** The Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {}

  static byte[] header(int schemaId) {
    return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
        (byte) schemaId};
  }

  /**
   * The schema id in a payload's header.
   *
   * @throws UnknownMagicByteException when the payload is too short or has another magic byte
   */
  static int schemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw new UnknownMagicByteException("record of topic " + topic + " is " + payload.length
          + " bytes long, too short for the Confluent wire format (magic byte 0, 4-byte schema id, Avro data)");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new UnknownMagicByteException(String.format(
          "record of topic %s starts with byte 0x%02x, not the Confluent wire format's magic byte 0x00; "
              + "it was not written by a schema registry serializer", topic, payload[0] & 0xff));
    }
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
  }
}
