package dev.customs.server.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One feed sync run as {@code GET /api/v1/db/syncs} shows it.
 *
 * @param trigger {@code schedule}, {@code manual} or {@code startup}
 * @param replica the replica that ran it
 * @param finishedAt null while running
 * @param bundleSha256 the bundle installed by this run, null unless {@code outcome} is INSTALLED
 * @param error why the run failed (the bundle in use was kept), null otherwise
 */
public record FeedSyncRun(UUID id, String trigger, String replica, Instant startedAt, Instant finishedAt,
    Outcome outcome, String bundleSha256, String error, List<Feed> feeds) {

  public FeedSyncRun {
    feeds = List.copyOf(feeds);
  }

  /** How a run ended. */
  public enum Outcome {
    RUNNING,
    /** a new bundle was built and installed */
    INSTALLED,
    /** every feed answered "not modified" and the bundle in use was built from them: nothing built */
    UNCHANGED,
    /** a feed could not be downloaded or the bundle could not be built: the bundle in use was kept */
    FAILED
  }

  /** How one feed went. */
  public enum FeedOutcome { DOWNLOADED, NOT_MODIFIED, FAILED }

  /**
   * One feed of a run.
   *
   * @param httpStatus the status of the download (200, 304, 500…), null when there was no answer
   * @param bytes bytes downloaded (0 when not modified)
   * @param records records in the new bundle from this feed, null when nothing was built
   * @param malformed records skipped as malformed, null when nothing was built
   * @param error why the download failed, null otherwise
   */
  public record Feed(String kind, String location, FeedOutcome outcome, Integer httpStatus, Long bytes, Long records,
      Long malformed, String error) {}
}
