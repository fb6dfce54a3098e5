package dev.customs.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec defines it: {@code algorithm:encoded}. Only the registered
 * algorithms sha256 and sha512 are accepted, because only they can be verified.
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    switch (algorithm) {
      case "sha256" -> require(SHA256, hex, algorithm);
      case "sha512" -> require(SHA512, hex, algorithm);
      default -> throw new IllegalArgumentException(
          "unsupported digest algorithm \"" + algorithm + "\" (expected sha256 or sha512)");
    }
  }

  private static void require(Pattern p, String hex, String algorithm) {
    if (!p.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "invalid " + algorithm + " digest: \"" + hex + "\" is not " + (algorithm.equals("sha256") ? 64 : 128)
              + " lowercase hex characters");
    }
  }

  /** Parses {@code sha256:<64 hex>}; throws IllegalArgumentException with a message saying why not. */
  public static Digest parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("invalid digest \"" + text + "\": expected algorithm:hex");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  public static Digest sha256(byte[] data) {
    return new Digest("sha256", HexFormat.of().formatHex(messageDigest("sha256").digest(data)));
  }

  /** Reads the stream to its end and returns its sha256 digest. */
  public static Digest sha256(InputStream in) throws IOException {
    MessageDigest md = messageDigest("sha256");
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
  }

  /** A fresh JDK MessageDigest for this digest's algorithm. */
  public MessageDigest newMessageDigest() {
    return messageDigest(algorithm);
  }

  static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** The first 12 hex characters, as docker prints short ids. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
