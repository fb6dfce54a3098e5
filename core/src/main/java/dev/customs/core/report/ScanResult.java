package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.Assessment;
import dev.customs.core.vuln.match.MatchResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scan produced: the inventory, what matching found in it and, when policies were given,
 * their assessment. Every scan report format takes this one value; later stages extend it rather
 * than adding parameters to the formats.
 */
public record ScanResult(Inventory inventory, MatchResult match, Optional<Assessment> assessment) {
  public ScanResult {
    Objects.requireNonNull(assessment, "assessment");
  }

  /** A scan judged against no policy. */
  public ScanResult(Inventory inventory, MatchResult match) {
    this(inventory, match, Optional.empty());
  }
}
