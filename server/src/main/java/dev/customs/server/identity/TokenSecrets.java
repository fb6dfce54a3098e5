package dev.customs.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code cst_} plus 256 random bits. They are stored as SHA-256, not with a slow
 * password hash, because they carry full entropy (nothing to brute-force) and are checked on every
 * request; the recognisable prefix lets secret scanners find leaked tokens.
 */
final class TokenSecrets {
  static final String PREFIX = "cst_";
  private static final int PREFIX_SHOWN = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  static String shownPrefix(String secret) {
    return secret.substring(0, PREFIX_SHOWN);
  }
}
