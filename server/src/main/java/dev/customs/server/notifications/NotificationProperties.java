package dev.customs.server.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customs.notifications.*}.
 *
 * @param pollInterval how often each replica looks for due deliveries
 * @param maxAttempts attempts before a delivery is FAILED
 * @param retryBackoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a replica may take to send one before another may retry it
 * @param mailFrom the From address of e-mails
 */
@ConfigurationProperties("customs.notifications")
public record NotificationProperties(
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("30s") Duration retryBackoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("customs@localhost") String mailFrom) {

  /** Wait after the given number of failed attempts: retryBackoff × 2^(attempts-1), capped. */
  public Duration backoffAfter(int attempts) {
    Duration wait = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
