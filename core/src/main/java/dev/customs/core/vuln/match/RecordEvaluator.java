package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import dev.customs.core.vuln.version.VersionScheme;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether one record affects one installed version, the way OSV specifies it: a version is
 * affected when any range or the {@code versions} list contains it; a record with neither affects
 * every version (an open issue without a fix). Ranges are evaluated by walking their events in
 * version order (OSV's own algorithm), so a range with several {@code introduced}/{@code fixed}
 * intervals, {@code last_affected} and {@code limit} all work.
 */
final class RecordEvaluator {
  private static final VersionScheme SEMVER = VersionSchemes.byId("semver").orElseThrow();
  private static final VersionScheme RUBYGEMS = VersionSchemes.byId("rubygems").orElseThrow();

  private RecordEvaluator() {}

  /**
   * What contains the version ({@code ECOSYSTEM[introduced 0, fixed 1.2-3]}, {@code versions list},
   * {@code all versions}), or empty when the record does not affect it. {@link AffectedStatus#NOT_AFFECTED}
   * records affect nothing.
   *
   * @throws dev.customs.core.vuln.version.InvalidVersionException when a version cannot be ordered
   */
  static Optional<String> matchedBy(AffectedRecord record, String version, VersionScheme scheme) {
    if (record.status() == AffectedStatus.NOT_AFFECTED) {
      return Optional.empty();
    }
    for (VersionRange range : record.ranges()) {
      if (contains(range, version, scheme)) {
        return Optional.of(describe(range));
      }
    }
    // OSV lists versions exactly as the ecosystem publishes them: a string match, as OSV's own tools do.
    if (record.versions().contains(version)) {
      return Optional.of("versions list");
    }
    if (record.ranges().isEmpty() && record.versions().isEmpty()) {
      return allVersionsOrBelowFix(record, version, scheme);
    }
    return Optional.empty();
  }

  private static Optional<String> allVersionsOrBelowFix(AffectedRecord record, String version, VersionScheme scheme) {
    if (record.fixedVersion().isEmpty()) {
      return Optional.of("all versions");
    }
    for (String fix : record.fixedVersion().split(",")) {
      if (scheme.compare(version, fix.strip()) >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of("below fixed " + record.fixedVersion());
  }

  static boolean contains(VersionRange range, String version, VersionScheme scheme) {
    return switch (range.type()) {
      case ECOSYSTEM -> walk(range.events(), version, scheme);
      case SEMVER -> walk(range.events(), withoutV(version), SEMVER);
      case GEM_REQUIREMENTS -> range.events().stream()
          .noneMatch(e -> GemRequirement.satisfiedBy(e.version(), version, RUBYGEMS));
    };
  }

  /** OSV's evaluation: the last event at or below the version decides. */
  private static boolean walk(List<RangeEvent> events, String version, VersionScheme scheme) {
    boolean affected = false;
    for (RangeEvent e : inOrder(events, scheme)) {
      boolean start = zero(e.version());
      int c = start ? 1 : scheme.compare(version, e.version());
      switch (e.kind()) {
        case INTRODUCED -> affected = affected || c >= 0;
        case FIXED, LIMIT -> affected = affected && c < 0;
        case LAST_AFFECTED -> affected = affected && c <= 0;
        default -> throw new IllegalArgumentException("a " + e.kind().key() + " event in an OSV range");
      }
    }
    return affected;
  }

  /**
   * The events sorted. Feeds nearly always list them in order already ({@code introduced 0, fixed
   * X}): that is checked with the comparisons a stable sort would begin with (the same ones, so the
   * same version is reported when one is invalid), and the list is used as it is.
   */
  private static List<RangeEvent> inOrder(List<RangeEvent> events, VersionScheme scheme) {
    for (int i = 1; i < events.size(); i++) {
      if (compare(events.get(i), events.get(i - 1), scheme) < 0) {
        List<RangeEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> compare(a, b, scheme));
        return sorted;
      }
    }
    return events;
  }

  /** Events by version, {@code 0} (OSV: from the beginning) before every other. */
  private static int compare(RangeEvent a, RangeEvent b, VersionScheme scheme) {
    String x = a.version();
    String y = b.version();
    return zero(x) || zero(y) ? Boolean.compare(!zero(x), !zero(y)) : scheme.compare(x, y);
  }

  private static boolean zero(String v) {
    return v.equals("0");
  }

  /** OSV SEMVER versions carry no {@code v} (Go modules and the Go toolchain do). */
  private static String withoutV(String version) {
    return version.startsWith("v") ? version.substring(1) : version;
  }

  private static String describe(VersionRange range) {
    StringBuilder text = new StringBuilder(range.type().name()).append('[');
    List<RangeEvent> events = range.events();
    for (int i = 0; i < events.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(events.get(i).kind().key()).append(' ').append(events.get(i).version());
    }
    return text.append(']').toString();
  }

  /** The versions a range names as fixing it (fixed events; patched requirements for gems). */
  static List<String> fixesOf(AffectedRecord record) {
    List<String> fixes = new ArrayList<>();
    for (VersionRange range : record.ranges()) {
      fixes.addAll(range.versionsOf(range.type() == RangeType.GEM_REQUIREMENTS ? EventKind.PATCHED : EventKind.FIXED));
    }
    if (fixes.isEmpty() && !record.fixedVersion().isEmpty()) {
      for (String f : record.fixedVersion().split(",")) {
        fixes.add(f.strip());
      }
    }
    return fixes;
  }
}
