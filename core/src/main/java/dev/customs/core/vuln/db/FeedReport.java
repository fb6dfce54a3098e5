package dev.customs.core.vuln.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What importing one feed gave: records imported, each record skipped, and how long it took.
 *
 * @param timestamp the feed's own newest date, or null when it states none
 */
public record FeedReport(
    String kind, String source, Instant timestamp, long records, List<FeedProblem> problems, Duration elapsed) {
  public FeedReport {
    problems = List.copyOf(problems);
  }
}
