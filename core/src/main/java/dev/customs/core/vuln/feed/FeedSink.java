package dev.customs.core.vuln.feed;

import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import java.time.Instant;

/** Receives what a {@link VulnFeed} reads. */
public interface FeedSink {
  void advisory(Advisory advisory);

  void kev(KevEntry entry);

  void epss(EpssScore score);

  /**
   * A record or document that was skipped.
   *
   * @param where the record id, or the document name when no id could be read
   * @param reason what was wrong, in words a user can act on
   */
  void malformed(String where, String reason);

  /** A date the feed states about itself (catalog release, score date); the newest one is kept. */
  void feedTimestamp(Instant timestamp);
}
