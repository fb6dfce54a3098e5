package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.KevEntry;

/**
 * CISA's Known Exploited Vulnerabilities catalog ({@code known_exploited_vulnerabilities.json}). The
 * catalog's JSON Schema, published beside it, is recognised and passed over.
 */
public final class KevFeed implements VulnFeed {
  @Override
  public String kind() {
    return "kev";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws java.io.IOException {
    FeedTrees.each(source, sink, name -> name.endsWith(".json"), (document, tree) -> {
      if (tree.has("$schema") && !tree.has("catalogVersion")) {
        return;
      }
      JsonNode items = tree.get("vulnerabilities");
      if (items == null || !items.isArray()) {
        throw new MalformedRecordException("not a KEV catalog: no 'vulnerabilities' list");
      }
      if (!JsonFields.text(tree, "dateReleased").isEmpty()) {
        sink.feedTimestamp(JsonFields.instant(tree, "dateReleased"));
      }
      int index = 0;
      for (JsonNode item : items) {
        try {
          sink.kev(entry(item));
        } catch (MalformedRecordException e) {
          String id = JsonFields.text(item, "cveID");
          sink.malformed(id.isEmpty() ? document.name() + " entry " + index : id, e.getMessage());
        }
        index++;
      }
    });
  }

  private static KevEntry entry(JsonNode item) {
    String cve = JsonFields.required(item, "cveID");
    JsonFields.required(item, "dateAdded");
    return new KevEntry(cve, JsonFields.text(item, "vendorProject"), JsonFields.text(item, "product"),
        JsonFields.text(item, "vulnerabilityName"), JsonFields.date(item, "dateAdded"), JsonFields.date(item, "dueDate"),
        JsonFields.text(item, "knownRansomwareCampaignUse"));
  }
}
