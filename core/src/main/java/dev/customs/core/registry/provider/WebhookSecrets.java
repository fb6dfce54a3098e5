package dev.customs.core.registry.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ways registries prove a delivery is theirs, all compared in constant time so that the time
 * a rejection takes says nothing about how much of a guess was right.
 */
public final class WebhookSecrets {
  /** The query parameter that carries the secret for registries that can only configure a URL. */
  public static final String TOKEN_PARAMETER = "token";

  private WebhookSecrets() {
  }

  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An {@code Authorization} header configured on the sender: the secret verbatim (Harbor sends the
   * policy's header as is), {@code Bearer <secret>}, or Basic with the secret as password (or as
   * the whole {@code user:password}).
   */
  public static boolean authorizationMatches(WebhookRequest request, String secret) {
    return request.header("Authorization").map(value -> authorizationValueMatches(value.strip(), secret))
        .orElse(false);
  }

  private static boolean authorizationValueMatches(String value, String secret) {
    boolean verbatim = constantTimeEquals(secret, value);
    boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7)
        && constantTimeEquals(secret, value.substring(7).strip());
    return verbatim | bearer | basicMatches(value, secret);
  }

  private static boolean basicMatches(String value, String secret) {
    if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    return constantTimeEquals(secret, decoded) | constantTimeEquals(secret, password);
  }

  /** A header whose value is the secret itself (an API-key header). */
  public static boolean headerMatches(WebhookRequest request, String header, String secret) {
    return request.header(header).map(v -> constantTimeEquals(secret, v.strip())).orElse(false);
  }

  /** The secret as {@code ?token=} in the URL the sender was given. */
  public static boolean queryTokenMatches(WebhookRequest request, String secret) {
    return request.queryParameter(TOKEN_PARAMETER).map(v -> constantTimeEquals(secret, v)).orElse(false);
  }

  /** A header holding the lowercase or uppercase hex HMAC of the raw body, keyed with the secret. */
  public static boolean hmacHexMatches(WebhookRequest request, String header, String algorithm, String secret) {
    Optional<String> signature = request.header(header);
    if (signature.isEmpty() || secret == null || secret.isEmpty()) {
      return false;
    }
    String presented = signature.get().strip().toLowerCase(Locale.ROOT);
    return constantTimeEquals(hmacHex(algorithm, secret, request.body()), presented);
  }

  /** Hex HMAC, e.g. {@code HmacSHA1} or {@code HmacSHA256}. */
  public static String hmacHex(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
