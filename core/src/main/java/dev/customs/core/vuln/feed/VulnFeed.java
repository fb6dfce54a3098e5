package dev.customs.core.vuln.feed;

import java.io.IOException;

/**
 * An importer of one kind of vulnerability feed (OSV, Debian tracker, NVD…). It reads the documents
 * of a {@link FeedSource} and hands what it finds to a {@link FeedSink}.
 *
 * <p>A record that cannot be understood is reported with {@link FeedSink#malformed} and skipped; the
 * rest of the feed is still imported. An exception ends the whole feed (and so the bundle build):
 * keep that for a source that cannot be read at all.
 */
public interface VulnFeed {
  /** The kind named on the command line: {@code osv}, {@code nvd}, {@code kev}… */
  String kind();

  /** Imports every document of the source. */
  void read(FeedSource source, FeedSink sink) throws IOException;
}
