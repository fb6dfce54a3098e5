package dev.customs.core.vuln.feed;

import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a feed hands over, for assertions. */
final class RecordingSink implements FeedSink {
  final List<Advisory> advisories = new ArrayList<>();
  final List<KevEntry> kev = new ArrayList<>();
  final List<EpssScore> epss = new ArrayList<>();
  final List<String> malformed = new ArrayList<>();
  Instant timestamp;

  @Override
  public void advisory(Advisory advisory) {
    advisories.add(advisory);
  }

  @Override
  public void kev(KevEntry entry) {
    kev.add(entry);
  }

  @Override
  public void epss(EpssScore score) {
    epss.add(score);
  }

  @Override
  public void malformed(String where, String reason) {
    malformed.add(where + ": " + reason);
  }

  @Override
  public void feedTimestamp(Instant value) {
    if (timestamp == null || value.isAfter(timestamp)) {
      timestamp = value;
    }
  }

  Advisory advisory(String id) {
    return advisories.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  static RecordingSink read(VulnFeed feed, java.nio.file.Path path) throws java.io.IOException {
    RecordingSink sink = new RecordingSink();
    feed.read(new PathFeedSource(path, path.toString()), sink);
    return sink;
  }
}
