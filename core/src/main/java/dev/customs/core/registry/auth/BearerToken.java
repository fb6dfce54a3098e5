package dev.customs.core.registry.auth;

import java.time.Duration;
import java.time.Instant;

/** A registry token and when to stop using it. */
public record BearerToken(String token, Instant expires) {
  /** Expiry minus a margin, so that a token is not sent in its last moments. */
  public static BearerToken of(String token, Instant issued, Duration lifetime) {
    Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofSeconds(10)) < 0
        ? lifetime.dividedBy(10) : Duration.ofSeconds(10);
    return new BearerToken(token, issued.plus(lifetime).minus(margin));
  }

  public boolean validAt(Instant now) {
    return now.isBefore(expires);
  }

  @Override
  public String toString() {
    return "BearerToken[expires " + expires + "]";
  }
}
