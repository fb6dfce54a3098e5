package dev.customs.server.vulndata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the loaded vulnerability bundle is watched ({@code customs.vulndb.*}; the bundle's own path,
 * {@code customs.vulndb.path}, is read by {@link VulnerabilityData}).
 *
 * @param staleAfter a bundle older than this is stale: flagged in {@code GET /api/v1/db} and announced
 *     with {@code VulnerabilityDataStale}, at most once per this period
 * @param checkInterval how often each replica looks for a bundle another replica installed in the
 *     shared data directory, and checks staleness
 */
@ConfigurationProperties("customs.vulndb")
public record VulnDbProperties(
    @DefaultValue("48h") Duration staleAfter,
    @DefaultValue("60s") Duration checkInterval) {
  public VulnDbProperties {
    if (staleAfter.isNegative() || staleAfter.isZero() || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("customs.vulndb.stale-after and check-interval must be positive durations");
    }
  }
}
