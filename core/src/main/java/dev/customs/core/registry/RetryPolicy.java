package dev.customs.core.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again: exponential backoff with jitter (so parallel layer fetches do not
 * retry in lockstep), or exactly what the registry asked for in {@code Retry-After}.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay) {
  /** A registry asking for a longer wait than this is treated as down. */
  static final Duration MAX_DELAY = Duration.ofMinutes(2);

  public static boolean retryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** The wait before attempt {@code attempt + 1}, given the failed answer's Retry-After if any. */
  public Duration delay(int attempt, Optional<String> retryAfter, Instant now) {
    Optional<Duration> asked = retryAfter.flatMap(v -> parseRetryAfter(v, now));
    if (asked.isPresent()) {
      return min(asked.get(), MAX_DELAY);
    }
    long base = baseDelay.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, MAX_DELAY.toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeParseException ignored) {
        return Optional.empty(); // an unreadable hint is no hint: fall back to backoff
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
