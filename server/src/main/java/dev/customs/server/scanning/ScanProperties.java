package dev.customs.server.scanning;

import dev.customs.core.image.Platform;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scan queue's settings ({@code customs.scanning.*}).
 *
 * @param workers scans this replica runs at the same time (0: this replica only serves the API)
 * @param pollInterval how often an idle worker looks for queued jobs
 * @param lease how long a claimed job stays with its worker without a heartbeat
 * @param heartbeat how often running jobs' leases are renewed (well under {@code lease})
 * @param maxAttempts attempts before a job is dead-lettered
 * @param retryBackoff the delay before the first retry; it doubles with each further attempt
 * @param platforms which platforms of a multi-platform tag are registered and scanned: a list
 *     ({@code linux/amd64,linux/arm64}) or {@code all}; an image registered with a platform is
 *     scanned as that platform, and the scan registers the tag's other wanted platforms
 */
@ConfigurationProperties("customs.scanning")
public record ScanProperties(
    @DefaultValue("2") int workers,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("10s") Duration retryBackoff,
    @DefaultValue("linux/amd64") List<String> platforms) {

  public ScanProperties {
    if (workers < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("customs.scanning.workers must be >= 0 and max-attempts >= 1");
    }
    if (heartbeat.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("customs.scanning.heartbeat (" + heartbeat + ") must be shorter than the lease ("
          + lease + "), or leases expire under running scans");
    }
  }

  /** Whether a platform of a multi-platform tag is to be registered (attestation entries never are). */
  boolean wants(Platform platform) {
    if (platform.os().equals("unknown")) {
      return false;
    }
    return platforms.stream().map(String::strip).anyMatch(p -> p.equalsIgnoreCase("all")
        || platform.satisfies(Platform.parse(p)));
  }

  /** Backoff before attempt {@code attempt + 1}: base, 2×base, 4×base, … */
  Duration backoffAfter(int attempt) {
    return retryBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 10));
  }
}
