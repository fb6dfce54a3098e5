package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VersionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * ruby-advisory-db's native YAML ({@code gems/<gem>/<id>.yml}). The versions are RubyGems requirement
 * strings, kept as {@link RangeType#GEM_REQUIREMENTS} events for the matcher to evaluate: a version
 * is affected unless it satisfies a {@code patched_versions} or {@code unaffected_versions} entry.
 * The id is the CVE when there is one, else the GHSA. The {@code cvss_v*} fields are scores, not vectors.
 */
public final class RubysecFeed implements VulnFeed {
  private static final String SOURCE = "rubysec";

  @Override
  public String kind() {
    return "rubysec";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws java.io.IOException {
    FeedTrees.each(source, sink, FeedTrees::isYaml, (document, tree) -> sink.advisory(advisory(tree)));
  }

  private static Advisory advisory(JsonNode doc) {
    String gem = JsonFields.required(doc, "gem");
    String cve = JsonFields.text(doc, "cve");
    String ghsa = JsonFields.text(doc, "ghsa");
    if (cve.isEmpty() && ghsa.isEmpty()) {
      throw new MalformedRecordException("advisory for gem " + gem + " has neither 'cve' nor 'ghsa'");
    }
    String id = cve.isEmpty() ? "GHSA-" + ghsa : "CVE-" + cve;
    List<String> aliases = cve.isEmpty() || ghsa.isEmpty() ? List.of() : List.of("GHSA-" + ghsa);
    List<String> related = JsonFields.texts(doc.path("related"), "cve").stream().map(c -> "CVE-" + c).toList();
    List<CvssVector> cvss = new ArrayList<>();
    SeverityRating severity = null;
    for (String version : List.of("4.0", "3.1", "2.0")) {
      String score = JsonFields.text(doc, "cvss_v" + version.charAt(0));
      if (!score.isEmpty()) {
        double value = parseScore(score);
        cvss.add(new CvssVector(SOURCE, version, "", value, ""));
        if (severity == null) {
          severity = new SeverityRating(SOURCE, SeverityLevel.ofCvssScore(value), score);
        }
      }
    }
    List<String> url = JsonFields.text(doc, "url").isEmpty() ? List.of() : List.of(JsonFields.text(doc, "url"));
    return new Advisory(id, aliases, related, JsonFields.text(doc, "title"), JsonFields.text(doc, "description"),
        JsonFields.instant(doc, "date"), null, cvss,
        severity == null ? List.of() : List.of(severity), List.of(),
        url.stream().map(u -> new Reference("ADVISORY", u)).toList(), List.of(affected(gem, doc)));
  }

  private static AffectedPackage affected(String gem, JsonNode doc) {
    List<String> patched = JsonFields.texts(doc, "patched_versions");
    List<RangeEvent> events = new ArrayList<>();
    patched.forEach(p -> events.add(new RangeEvent(EventKind.PATCHED, p)));
    JsonFields.texts(doc, "unaffected_versions").forEach(u -> events.add(new RangeEvent(EventKind.UNAFFECTED, u)));
    List<VersionRange> ranges = events.isEmpty() ? List.of() : List.of(new VersionRange(RangeType.GEM_REQUIREMENTS, events));
    return new AffectedPackage("gem", gem, ranges, List.of(),
        patched.isEmpty() ? AffectedStatus.UNFIXED : AffectedStatus.FIXED, String.join(" || ", patched), null);
  }

  private static double parseScore(String score) {
    try {
      return Double.parseDouble(score);
    } catch (NumberFormatException e) {
      throw new MalformedRecordException("CVSS score is not a number: " + score);
    }
  }
}
