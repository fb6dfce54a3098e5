package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the expiry of a token the registry itself issued to us. The signature is not checked: the
 * token came straight from the registry over TLS and only tells us when to log in again.
 */
final class JwtClaims {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JwtClaims() {
  }

  static Optional<Instant> expiry(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.path("exp").isNumber() ? Optional.of(Instant.ofEpochSecond(claims.path("exp").asLong()))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // an opaque token: no known expiry, the registry's 401 will tell
    }
  }
}
