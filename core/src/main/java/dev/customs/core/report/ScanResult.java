package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.Assessment;
import dev.customs.core.vuln.match.MatchResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scan produced: the inventory, what matching found in it and, when policies were given,
 * their assessment. Every scan report format takes this one value; later stages extend it rather
 * than adding parameters to the formats.
 *
 * @param started when the scan began (before the image was opened), for formats that record how
 *     long a scan ran (GitLab's {@code scan.start_time}); empty when the caller did not time it, and
 *     formats then fall back to the report time
 */
public record ScanResult(Inventory inventory, MatchResult match, Optional<Assessment> assessment,
    Optional<Instant> started) {
  public ScanResult {
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(started, "started");
  }

  /** A scan judged against no policy. */
  public ScanResult(Inventory inventory, MatchResult match) {
    this(inventory, match, Optional.empty(), Optional.empty());
  }

  /** A scan with an assessment and no recorded start. */
  public ScanResult(Inventory inventory, MatchResult match, Optional<Assessment> assessment) {
    this(inventory, match, assessment, Optional.empty());
  }

  /** The same result, recording when the scan began. */
  public ScanResult startedAt(Instant start) {
    return new ScanResult(inventory, match, assessment, Optional.of(start));
  }
}
