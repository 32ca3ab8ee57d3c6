package io.guardstream.guard.text;

/**
 * An encoded run found in a text and its decoded form.
 *
 * @param start start of the encoded run in the scanned text
 * @param end end (exclusive) of the encoded run
 * @param encoding base64, hex or url
 * @param decoded the decoded, printable text
 */
public record EncodedPayload(int start, int end, String encoding, String decoded) {}
