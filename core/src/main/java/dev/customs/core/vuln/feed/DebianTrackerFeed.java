package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EcosystemKeys;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Debian Security Tracker's JSON ({@code https://security-tracker.debian.org/tracker/data/json}):
 * source package → CVE → release codename → {@code {status, fixed_version, urgency, nodsa_reason}}.
 * The file is tens of megabytes, so it is streamed one source package at a time. Package names are
 * SOURCE package names.
 *
 * <p>Statuses as the tracker means them: {@code resolved} with a version is fixed, with version
 * {@code 0} the release was never affected; {@code open} is unfixed, except urgency
 * {@code end-of-life} (no longer supported) and {@code nodsa_reason: ignored} (the team decided not to
 * fix it: won't fix) — {@code postponed} and plain no-DSA issues may still get a fix in a point
 * release, so they stay unfixed; {@code undetermined} is undetermined.
 */
public final class DebianTrackerFeed implements VulnFeed {
  @Override
  public String kind() {
    return "debian-tracker";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws IOException {
    source.forEachDocument(document -> {
      if (!document.plainName().endsWith(".json")) {
        return;
      }
      try (InputStream in = document.open(); JsonParser parser = FeedTrees.JSON.createParser(in)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          sink.malformed(document.name(), "not a tracker document: the top level must be an object of source packages");
          return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String sourcePackage = parser.currentName();
          parser.nextToken();
          readPackage(sourcePackage, parser.readValueAsTree(), sink);
        }
      } catch (JsonProcessingException e) {
        sink.malformed(document.name(), "not valid JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        sink.malformed(document.name(), "cannot be read: " + e);
      }
    });
  }

  private static void readPackage(String sourcePackage, JsonNode cves, FeedSink sink) {
    if (!cves.isObject()) {
      sink.malformed(sourcePackage, "the package entry is not an object of CVEs");
      return;
    }
    for (Map.Entry<String, JsonNode> cve : cves.properties()) {
      try {
        sink.advisory(advisory(sourcePackage, cve.getKey(), cve.getValue()));
      } catch (MalformedRecordException e) {
        sink.malformed(cve.getKey() + " (" + sourcePackage + ")", e.getMessage());
      }
    }
  }

  private static Advisory advisory(String sourcePackage, String cve, JsonNode entry) {
    List<AffectedPackage> affected = new ArrayList<>();
    // An issue with no release data is written as an empty list, not an empty object.
    for (Map.Entry<String, JsonNode> release : entry.path("releases").properties()) {
      affected.add(releaseEntry(sourcePackage, release.getKey(), release.getValue()));
    }
    return new Advisory(cve, List.of(), List.of(), "", JsonFields.text(entry, "description"), null, null,
        List.of(), List.of(), List.of(), List.of(), affected);
  }

  private static AffectedPackage releaseEntry(String sourcePackage, String codename, JsonNode release) {
    String status = JsonFields.required(release, "status");
    String fixed = JsonFields.text(release, "fixed_version");
    String urgency = JsonFields.text(release, "urgency");
    AffectedStatus mapped = switch (status) {
      case "resolved" -> fixed.equals("0") ? AffectedStatus.NOT_AFFECTED : AffectedStatus.FIXED;
      case "open" -> urgency.equals("end-of-life") ? AffectedStatus.EOL
          : JsonFields.text(release, "nodsa_reason").equals("ignored") ? AffectedStatus.WONT_FIX
          : AffectedStatus.UNFIXED;
      case "undetermined" -> AffectedStatus.UNDETERMINED;
      default -> throw new MalformedRecordException("unknown status '" + status + "' for " + codename);
    };
    if (mapped == AffectedStatus.FIXED && fixed.isEmpty()) {
      throw new MalformedRecordException("resolved in " + codename + " without a fixed_version");
    }
    List<RangeEvent> events = new ArrayList<>(List.of(new RangeEvent(EventKind.INTRODUCED, "0")));
    if (mapped == AffectedStatus.FIXED) {
      events.add(new RangeEvent(EventKind.FIXED, fixed));
    }
    List<VersionRange> ranges = mapped == AffectedStatus.NOT_AFFECTED ? List.of()
        : List.of(new VersionRange(RangeType.ECOSYSTEM, events));
    SeverityRating severity = urgency.isEmpty() ? null
        : new SeverityRating("debian", SeverityLevel.parse(urgency), urgency);
    return new AffectedPackage(EcosystemKeys.debianRelease(codename), sourcePackage, ranges, List.of(), mapped,
        mapped == AffectedStatus.FIXED ? fixed : "", severity);
  }
}
