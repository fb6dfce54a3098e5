package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OSV records: one record per {@code .json} or {@code .yaml} document (PyPA keeps OSV as YAML), or a
 * JSON array of records. Withdrawn records are skipped.
 */
public final class OsvFeed implements VulnFeed {
  @Override
  public String kind() {
    return "osv";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws java.io.IOException {
    FeedTrees.each(source, sink, FeedTrees::isJsonOrYaml, (document, tree) -> {
      if (tree.isArray()) {
        for (JsonNode record : tree) {
          readRecord(document, record, sink);
        }
      } else {
        readRecord(document, tree, sink);
      }
    });
  }

  private static void readRecord(FeedDocument document, JsonNode record, FeedSink sink) {
    try {
      OsvRecordParser.parse(record).ifPresent(sink::advisory);
    } catch (MalformedRecordException | IllegalArgumentException e) {
      sink.malformed(document.name(), e.getMessage());
    }
  }
}
