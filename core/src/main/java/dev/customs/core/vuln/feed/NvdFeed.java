package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NVD CVE API 2.0 responses and the yearly JSON 2.0 files of the same shape
 * ({@code {"format":"NVD_CVE","vulnerabilities":[{"cve":{…}}]}}), streamed one CVE at a time. NVD only
 * enriches: descriptions, CVSS (v2, v3.0, v3.1, v4.0, every source), CWEs, references and dates. It
 * never creates affected rows: its CPE configurations do not name distro or language packages.
 * Rejected CVEs are skipped.
 */
public final class NvdFeed implements VulnFeed {
  /** NVD metric arrays and the CVSS version each holds. */
  private static final Map<String, String> METRICS = Map.of(
      "cvssMetricV40", "4.0", "cvssMetricV31", "3.1", "cvssMetricV30", "3.0", "cvssMetricV2", "2.0");

  @Override
  public String kind() {
    return "nvd";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws java.io.IOException {
    source.forEachDocument(document -> {
      if (!document.plainName().endsWith(".json")) {
        return;
      }
      Map<String, String> header = JsonArrayStream.read(document, "vulnerabilities", sink, (index, item) -> {
        JsonNode cve = item.path("cve");
        try {
          if (!JsonFields.required(cve, "vulnStatus").equals("Rejected")) {
            sink.advisory(advisory(cve));
          }
        } catch (MalformedRecordException | IllegalArgumentException e) {
          String id = JsonFields.text(cve, "id");
          sink.malformed(id.isEmpty() ? document.name() + " entry " + index : id, e.getMessage());
        }
      });
      if (header != null && header.containsKey("timestamp")) {
        try {
          sink.feedTimestamp(JsonFields.parseInstant(header.get("timestamp")));
        } catch (DateTimeParseException e) {
          sink.malformed(document.name(), "field 'timestamp' is not a date: " + header.get("timestamp"));
        }
      }
    });
  }

  private static Advisory advisory(JsonNode cve) {
    String id = JsonFields.required(cve, "id");
    String description = "";
    for (JsonNode d : cve.path("descriptions")) {
      if (JsonFields.text(d, "lang").equals("en")) {
        description = JsonFields.text(d, "value");
      }
    }
    List<CvssVector> cvss = new ArrayList<>();
    List<SeverityRating> severities = new ArrayList<>();
    for (String metric : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2")) {
      for (JsonNode m : cve.path("metrics").path(metric)) {
        JsonNode data = m.path("cvssData");
        String type = JsonFields.text(m, "type");
        cvss.add(new CvssVector(JsonFields.text(m, "source"), METRICS.get(metric),
            JsonFields.required(data, "vectorString"), data.has("baseScore") ? data.get("baseScore").asDouble() : null,
            type));
        // v2 keeps its rating beside cvssData, v3/v4 inside it.
        String rating = data.has("baseSeverity") ? JsonFields.text(data, "baseSeverity") : JsonFields.text(m, "baseSeverity");
        if (type.equals("Primary") && severities.isEmpty() && !rating.isEmpty()) {
          severities.add(new SeverityRating("nvd", SeverityLevel.parse(rating), rating));
        }
      }
    }
    List<String> cwes = new ArrayList<>();
    for (JsonNode weakness : cve.path("weaknesses")) {
      for (JsonNode d : weakness.path("description")) {
        String value = JsonFields.text(d, "value");
        if (value.matches("CWE-\\d+") && !cwes.contains(value)) {
          cwes.add(value);
        }
      }
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode ref : cve.path("references")) {
      references.add(new Reference("", JsonFields.required(ref, "url")));
    }
    return new Advisory(id, List.of(), List.of(), "", description, JsonFields.instant(cve, "published"),
        JsonFields.instant(cve, "lastModified"), cvss, severities, cwes, references, List.of());
  }
}
