package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.EcosystemKeys;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.PackageNames;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns one OSV record (schema 1.x, https://ossf.github.io/osv-schema/) into an {@link Advisory}. */
final class OsvRecordParser {
  private OsvRecordParser() {}

  /** The advisory, or empty when the record is withdrawn. */
  static Optional<Advisory> parse(JsonNode record) {
    if (!record.isObject()) {
      throw new MalformedRecordException("an OSV record must be a JSON object");
    }
    String id = JsonFields.required(record, "id");
    if (!JsonFields.text(record, "withdrawn").isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonFields.required(record, "modified");
      return Optional.of(advisory(id, record));
    } catch (MalformedRecordException e) {
      throw new MalformedRecordException(id + ": " + e.getMessage());
    }
  }

  private static Advisory advisory(String id, JsonNode record) {
    List<AffectedPackage> affected = new ArrayList<>();
    for (JsonNode entry : record.path("affected")) {
      affected(entry).ifPresent(affected::add);
    }
    String source = OsvSourceNames.of(id, affected.isEmpty() ? "" : affected.getFirst().ecosystemKey());
    List<String> aliases = new ArrayList<>(JsonFields.texts(record, "aliases"));
    aliases.addAll(JsonFields.texts(record, "upstream"));
    List<CvssVector> cvss = new ArrayList<>();
    List<SeverityRating> severities = new ArrayList<>();
    for (JsonNode severity : record.path("severity")) {
      String type = JsonFields.required(severity, "type");
      String score = JsonFields.required(severity, "score");
      if (type.startsWith("CVSS_")) {
        cvss.add(new CvssVector(source, CvssVector.versionOf(score), score, null, ""));
      } else {
        severities.add(new SeverityRating(type.toLowerCase(Locale.ROOT), SeverityLevel.parse(score), score));
      }
    }
    JsonNode databaseSpecific = record.path("database_specific");
    String ghsaSeverity = JsonFields.text(databaseSpecific, "severity");
    if (!ghsaSeverity.isEmpty()) {
      severities.add(new SeverityRating(source, SeverityLevel.parse(ghsaSeverity), ghsaSeverity));
    }
    return new Advisory(id, aliases, JsonFields.texts(record, "related"),
        JsonFields.text(record, "summary"), JsonFields.text(record, "details"),
        JsonFields.instant(record, "published"), JsonFields.instant(record, "modified"),
        cvss, severities, JsonFields.texts(databaseSpecific, "cwe_ids"), references(record), affected);
  }

  private static List<Reference> references(JsonNode record) {
    List<Reference> out = new ArrayList<>();
    for (JsonNode ref : record.path("references")) {
      out.add(new Reference(JsonFields.text(ref, "type"), JsonFields.required(ref, "url")));
    }
    return out;
  }

  /**
   * One affected entry; entries without a package (OSV.dev's git-only entries in Debian records have
   * {@code "package": {}}) are of no use to a scan.
   */
  private static Optional<AffectedPackage> affected(JsonNode entry) {
    JsonNode pkg = entry.get("package");
    if (pkg == null || pkg.isEmpty()) {
      return Optional.empty();
    }
    String ecosystemKey = EcosystemKeys.ofOsv(JsonFields.required(pkg, "ecosystem"));
    String name = PackageNames.normalize(ecosystemKey, JsonFields.required(pkg, "name"));
    List<VersionRange> ranges = new ArrayList<>();
    for (JsonNode range : entry.path("ranges")) {
      String type = JsonFields.required(range, "type");
      if (!type.equals("GIT")) {
        ranges.add(new VersionRange(rangeType(type), events(range)));
      }
    }
    List<String> versions = JsonFields.texts(entry, "versions");
    if (ranges.isEmpty() && versions.isEmpty() && !entry.path("ranges").isEmpty()) {
      // Only commit ranges: kept, this would read as "every version affected".
      return Optional.empty();
    }
    List<String> fixes = ranges.stream().flatMap(r -> r.versionsOf(EventKind.FIXED).stream()).toList();
    String urgency = JsonFields.text(entry.path("ecosystem_specific"), "urgency");
    SeverityRating severity = urgency.isEmpty() ? null
        : new SeverityRating(ecosystemKey.replaceFirst(":.*", ""), SeverityLevel.parse(urgency), urgency);
    AffectedStatus status = urgency.equals("end-of-life") ? AffectedStatus.EOL
        : fixes.isEmpty() ? AffectedStatus.UNFIXED : AffectedStatus.FIXED;
    return Optional.of(new AffectedPackage(ecosystemKey, name, ranges, versions,
        status, String.join(", ", fixes), severity));
  }

  private static RangeType rangeType(String type) {
    return switch (type) {
      case "ECOSYSTEM" -> RangeType.ECOSYSTEM;
      case "SEMVER" -> RangeType.SEMVER;
      default -> throw new MalformedRecordException("unknown range type '" + type + "'");
    };
  }

  private static List<RangeEvent> events(JsonNode range) {
    List<RangeEvent> events = new ArrayList<>();
    for (JsonNode event : range.path("events")) {
      var fields = event.properties().iterator();
      if (!fields.hasNext()) {
        throw new MalformedRecordException("empty range event");
      }
      var field = fields.next();
      EventKind kind = switch (field.getKey()) {
        case "introduced", "fixed", "last_affected", "limit" -> EventKind.fromKey(field.getKey());
        default -> throw new MalformedRecordException("unknown range event '" + field.getKey() + "'");
      };
      events.add(new RangeEvent(kind, field.getValue().asText()));
    }
    if (events.isEmpty()) {
      throw new MalformedRecordException("a range without events");
    }
    return events;
  }
}
