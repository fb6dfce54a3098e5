package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import dev.customs.core.vuln.version.InvalidVersionException;
import dev.customs.core.vuln.version.VersionScheme;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OSV range semantics, version lists and RubyGems requirements, one rule per row. */
class RecordEvaluatorTest {
  /** Events written as {@code introduced:0 fixed:1.2}; the scheme by id. */
  static AffectedRecord record(RangeType type, String events, String versions, AffectedStatus status) {
    List<RangeEvent> list = new ArrayList<>();
    for (String e : events.isBlank() ? new String[0] : events.trim().split(" +")) {
      int colon = e.indexOf(':');
      list.add(new RangeEvent(EventKind.fromKey(e.substring(0, colon)), e.substring(colon + 1).replace('_', ' ')));
    }
    List<VersionRange> ranges = list.isEmpty() ? List.of() : List.of(new VersionRange(type, list));
    List<String> listed = versions.isBlank() ? List.of() : List.of(versions.trim().split(" +"));
    return new AffectedRecord("TEST-1", List.of(), List.of(), "osv", "k", "p", ranges, listed, status, "", List.of());
  }

  @ParameterizedTest(name = "{0}: {3} in {2}")
  @CsvSource(delimiter = '|', textBlock = """
      below the fix                  | deb      | introduced:0 fixed:3.0.11-1~deb12u2              | 3.0.11-1~deb12u1 | true
      at the fix                     | deb      | introduced:0 fixed:3.0.11-1~deb12u2              | 3.0.11-1~deb12u2 | false
      tilde sorts low                | deb      | introduced:0 fixed:1.0-1                         | 1.0-1~bpo1       | true
      epoch beats everything         | deb      | introduced:0 fixed:1:1.0-1                       | 2.0-1            | true
      before introduced              | maven    | introduced:2.13.0 fixed:2.15.0                   | 2.12.4           | false
      second interval                | maven    | introduced:2.0-beta9 fixed:2.3.1 introduced:2.4 fixed:2.12.2 | 2.11.0 | true
      between two intervals          | maven    | introduced:2.0-beta9 fixed:2.3.1 introduced:2.4 fixed:2.12.2 | 2.3.2  | false
      events out of order            | semver   | fixed:1.2.6 introduced:0                         | 1.2.5            | true
      last_affected is inclusive     | semver   | introduced:1.0.0 last_affected:1.4.0             | 1.4.0            | true
      after last_affected            | semver   | introduced:1.0.0 last_affected:1.4.0             | 1.4.1            | false
      limit is exclusive             | semver   | introduced:0 limit:2.0.0                         | 2.0.0            | false
      open range                     | pep440   | introduced:2.0                                   | 2.31.0           | true
      pep440 pre-release before fix  | pep440   | introduced:0 fixed:2.0                           | 2.0rc1           | true
      apk revision                   | apk      | introduced:0 fixed:3.3.2-r1                      | 3.3.2-r0         | true
      rpm epoch in the fix           | rpm      | introduced:0 fixed:1:3.0.7-25.el9_3              | 1:3.0.7-24.el9   | true
      """)
  void ecosystemRanges(String title, String scheme, String events, String version, boolean affected) {
    RangeType type = scheme.equals("semver") ? RangeType.SEMVER : RangeType.ECOSYSTEM;
    AffectedRecord r = record(type, events, "", AffectedStatus.FIXED);

    assertThat(RecordEvaluator.matchedBy(r, version, VersionSchemes.byId(scheme).orElseThrow()).isPresent()).isEqualTo(affected);
  }

  @Test
  void goModuleVersionsLoseTheirVForOsvSemverRanges() {
    AffectedRecord r = record(RangeType.SEMVER, "introduced:0 fixed:0.17.0", "", AffectedStatus.FIXED);
    VersionScheme go = VersionSchemes.byId("go").orElseThrow();

    assertThat(RecordEvaluator.matchedBy(r, "v0.16.0", go)).contains("SEMVER[introduced 0, fixed 0.17.0]");
    assertThat(RecordEvaluator.matchedBy(r, "v0.17.0", go)).isEmpty();
  }

  @ParameterizedTest(name = "{1} with {0}")
  @CsvSource(delimiter = '|', textBlock = """
      patched:~>_1.1.3 patched:~>_1.2.5 patched:>=_1.4.0 | 1.2.4 | true
      patched:~>_1.1.3 patched:~>_1.2.5 patched:>=_1.4.0 | 1.2.5 | false
      patched:~>_1.1.3 patched:~>_1.2.5 patched:>=_1.4.0 | 1.3.0 | true
      patched:~>_1.1.3 patched:~>_1.2.5 patched:>=_1.4.0 | 1.4.2 | false
      patched:>=_2.0.0 unaffected:<_1.0                  | 0.9   | false
      patched:>=_2.0.0,_<_2.1 patched:>=_2.1.3           | 2.1.1 | true
      patched:>=_2.0.0,_<_2.1 patched:>=_2.1.3           | 2.0.5 | false
      """)
  void rubyGemsRequirements(String events, String version, boolean affected) {
    AffectedRecord r = record(RangeType.GEM_REQUIREMENTS, events, "", AffectedStatus.FIXED);

    assertThat(RecordEvaluator.matchedBy(r, version, VersionSchemes.byId("rubygems").orElseThrow()).isPresent())
        .isEqualTo(affected);
  }

  @Test
  void pessimisticBumpFollowsRubyGems() {
    assertThat(GemRequirement.bump("1.2.3")).isEqualTo("1.3");
    assertThat(GemRequirement.bump("1.2")).isEqualTo("2");
    assertThat(GemRequirement.bump("5")).isEqualTo("6");
    assertThat(GemRequirement.bump("1.2.rc1")).isEqualTo("2");
  }

  @Test
  void explicitVersionListsAndRecordsWithoutRanges() {
    VersionScheme deb = VersionSchemes.byId("deb").orElseThrow();
    AffectedRecord listed = record(RangeType.ECOSYSTEM, "", "6.4-4 6.4-3", AffectedStatus.UNFIXED);
    AffectedRecord open = record(RangeType.ECOSYSTEM, "", "", AffectedStatus.UNFIXED);
    AffectedRecord notAffected = record(RangeType.ECOSYSTEM, "", "", AffectedStatus.NOT_AFFECTED);

    assertThat(RecordEvaluator.matchedBy(listed, "6.4-4", deb)).contains("versions list");
    assertThat(RecordEvaluator.matchedBy(listed, "6.4-5", deb)).isEmpty();
    assertThat(RecordEvaluator.matchedBy(open, "1.0-1", deb)).contains("all versions");
    assertThat(RecordEvaluator.matchedBy(notAffected, "1.0-1", deb)).isEmpty();
  }

  @Test
  void aMalformedVersionIsAnErrorNotAGuess() {
    AffectedRecord r = record(RangeType.ECOSYSTEM, "introduced:0 fixed:1.0-1", "", AffectedStatus.FIXED);

    assertThatThrownBy(() -> RecordEvaluator.matchedBy(r, "not a version!", VersionSchemes.byId("deb").orElseThrow()))
        .isInstanceOf(InvalidVersionException.class);
  }
}
