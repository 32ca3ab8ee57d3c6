package io.guardstream.guard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Credential-shaped test values generated at run time (so no secret-looking literal sits in the
 * source for scanners to trip over). Deterministic per seed.
 */
public final class Fake {
  private Fake() {}

  public static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  public static final String UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  public static final String HEX = "0123456789abcdef";

  public static String random(String alphabet, int length, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  public static String awsAccessKey(long seed) {
    return "AKIA" + random(UPPER32, 16, seed);
  }

  public static String githubToken(long seed) {
    return "ghp_" + random(ALNUM, 36, seed);
  }

  public static String stripeKey(long seed) {
    return "sk_live_" + random(ALNUM, 24, seed);
  }

  public static String slackBotToken(long seed) {
    return "xoxb-" + random("0123456789", 12, seed) + "-" + random("0123456789", 13, seed + 1)
        + "-" + random(ALNUM, 24, seed + 2);
  }

  public static String openAiKey(long seed) {
    return "sk-proj-" + random(ALNUM, 56, seed);
  }

  public static String anthropicKey(long seed) {
    return "sk-ant-api03-" + random(ALNUM + "-_", 93, seed);
  }

  public static String gcpApiKey(long seed) {
    return "AIza" + random(ALNUM, 35, seed);
  }

  public static String gitlabToken(long seed) {
    return "glpat-" + random(ALNUM, 20, seed);
  }

  public static String jwt(long seed) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = enc.encodeToString(("{\"sub\":\"" + random(ALNUM, 10, seed) + "\",\"iat\":1700000000}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + random(ALNUM + "-_", 43, seed + 1);
  }

  public static String pemPrivateKey(long seed) {
    StringBuilder b = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
    for (int i = 0; i < 4; i++) {
      b.append(random(ALNUM + "+/", 64, seed + i)).append('\n');
    }
    return b.append("-----END RSA PRIVATE KEY-----").toString();
  }

  public static String password(long seed) {
    return random(ALNUM, 10, seed) + "!" + random("0123456789", 2, seed + 1);
  }
}
