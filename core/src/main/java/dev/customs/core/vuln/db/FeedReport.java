package dev.customs.core.vuln.db;

import java.time.Instant;
import java.util.List;

/** What importing one feed gave: records imported and each record skipped. */
public record FeedReport(String kind, String source, Instant timestamp, long records, List<FeedProblem> problems) {
  public FeedReport {
    problems = List.copyOf(problems);
  }
}
