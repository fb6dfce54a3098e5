package dev.customs.core.vuln.db;

import dev.customs.core.vuln.feed.FeedSink;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sink of one feed during a build: writes what the importer reads and counts it. */
final class FeedRecorder implements FeedSink {
  private final String kind;
  private final String source;
  private final BundleWriter writer;
  private final List<FeedProblem> problems = new ArrayList<>();
  private long records;
  private Instant timestamp;

  FeedRecorder(String kind, String source, BundleWriter writer) {
    this.kind = kind;
    this.source = source;
    this.writer = writer;
  }

  @Override
  public void advisory(Advisory advisory) {
    write(() -> writer.advisory(kind, advisory));
    feedTimestamp(advisory.modified());
  }

  @Override
  public void kev(KevEntry entry) {
    write(() -> writer.kev(entry));
  }

  @Override
  public void epss(EpssScore score) {
    write(() -> writer.epss(score));
  }

  @Override
  public void malformed(String where, String reason) {
    problems.add(new FeedProblem(where, reason));
  }

  @Override
  public void feedTimestamp(Instant value) {
    if (value != null && (timestamp == null || value.isAfter(timestamp))) {
      timestamp = value;
    }
  }

  String kind() {
    return kind;
  }

  String source() {
    return source;
  }

  long records() {
    return records;
  }

  Instant timestamp() {
    return timestamp;
  }

  List<FeedProblem> problems() {
    return problems;
  }

  FeedReport report(java.time.Duration elapsed) {
    return new FeedReport(kind, source, timestamp, records, List.copyOf(problems), elapsed);
  }

  private void write(SqlWrite write) {
    try {
      write.run();
      records++;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write to the new bundle: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface SqlWrite {
    void run() throws SQLException;
  }
}
