package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.AffectedRecord;
import java.util.Optional;

/**
 * One record found for one lookup of a package, and whether it affects the installed version.
 *
 * @param matchedBy what contains the version; empty when the record does not affect it
 */
record RecordMatch(AffectedRecord record, PackageQuery query, Optional<String> matchedBy) {
  boolean affects() {
    return matchedBy.isPresent();
  }

  MatchEvidence evidence() {
    return new MatchEvidence(record.feed(), record.vulnerabilityId(), record.ecosystemKey(), record.packageName(),
        query.version(), matchedBy.orElse(""), query.scheme().id());
  }
}
