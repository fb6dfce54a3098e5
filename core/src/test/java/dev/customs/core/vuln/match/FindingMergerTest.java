package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the records of one package become findings: aliases, feed precedence, suppression, statuses. */
class FindingMergerTest {
  private static final PackageQuery APK = new PackageQuery("alpine:3.20", "openssl", "3.3.2-r0",
      VersionSchemes.byId("apk").orElseThrow(), true);

  private static RecordMatch match(String id, List<String> aliases, List<String> related, String feed,
      AffectedStatus status, String fixed) {
    List<VersionRange> ranges = fixed.isEmpty() ? List.of() : List.of(new VersionRange(RangeType.ECOSYSTEM,
        List.of(new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, fixed))));
    AffectedRecord r = new AffectedRecord(id, aliases, related, feed, "alpine:3.20", "openssl", ranges, List.of(), status,
        fixed, List.of());
    return new RecordMatch(r, APK, RecordEvaluator.matchedBy(r, APK.version(), APK.scheme()));
  }

  @Test
  void recordsSharingAnAliasAreOneFindingUnderTheCve() {
    List<MergedMatch> merged = FindingMerger.merge(List.of(
        match("GHSA-aaaa-bbbb-cccc", List.of("CVE-2024-1"), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r1"),
        match("CVE-2024-1", List.of("GHSA-aaaa-bbbb-cccc"), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r1")));

    assertThat(merged).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("CVE-2024-1");
      assertThat(m.aliases()).containsExactly("GHSA-aaaa-bbbb-cccc");
      assertThat(m.status()).isEqualTo(FindingStatus.FIXED);
      assertThat(m.fixedVersions()).containsExactly("3.3.2-r1");
    });
  }

  @Test
  void theDistroTrackerDecidesOverOsvAndItsNotAffectedSuppresses() {
    assertThat(FindingMerger.merge(List.of(
        match("CVE-2024-2", List.of(), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r5"),
        match("CVE-2024-2", List.of(), List.of(), "alpine-secdb", AffectedStatus.NOT_AFFECTED, "")))).isEmpty();
    // The tracker says fixed in r0 (not affected at r0) while OSV says r5: the tracker wins.
    assertThat(FindingMerger.merge(List.of(
        match("CVE-2024-3", List.of(), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r5"),
        match("CVE-2024-3", List.of(), List.of(), "alpine-secdb", AffectedStatus.FIXED, "3.3.2-r0")))).isEmpty();
  }

  @Test
  void unfixedAndWontFixAreKeptWithTheirStatus() {
    List<MergedMatch> merged = FindingMerger.merge(List.of(
        match("CVE-2024-4", List.of(), List.of(), "osv", AffectedStatus.UNFIXED, ""),
        match("CVE-2024-5", List.of(), List.of(), "osv", AffectedStatus.WONT_FIX, ""),
        match("CVE-2024-6", List.of(), List.of(), "osv", AffectedStatus.EOL, "")));

    assertThat(merged).extracting(m -> m.id() + "=" + m.status())
        .containsExactly("CVE-2024-4=UNFIXED", "CVE-2024-5=WONT_FIX", "CVE-2024-6=EOL");
    assertThat(merged).allMatch(m -> m.fixedVersions().isEmpty());
  }

  @Test
  void anAdvisoryIsFoldedIntoTheCvesItFixesOnlyWhenAllAreReported() {
    List<MergedMatch> folded = FindingMerger.merge(List.of(
        match("DSA-1-1", List.of(), List.of("CVE-2024-7"), "osv", AffectedStatus.FIXED, "3.3.2-r1"),
        match("CVE-2024-7", List.of(), List.of("DSA-1-1"), "osv", AffectedStatus.FIXED, "3.3.2-r1")));
    List<MergedMatch> kept = FindingMerger.merge(List.of(
        match("DSA-2-1", List.of(), List.of("CVE-2024-8", "CVE-2024-9"), "osv", AffectedStatus.FIXED, "3.3.2-r1"),
        match("CVE-2024-8", List.of(), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r1")));

    assertThat(folded).singleElement().satisfies(m -> assertThat(m.aliases()).containsExactly("DSA-1-1"));
    assertThat(kept).extracting(MergedMatch::id).containsExactlyInAnyOrder("DSA-2-1", "CVE-2024-8");
  }

  @Test
  void aRecordThatDoesNotContainTheVersionStillDecidesTheVulnerabilityItSharesAnAliasWith() {
    // OSV's GHSA names CVE-2024-11 and contains the version; the tracker's CVE-2024-11 row (no
    // aliases of its own) says fixed below it. One vulnerability, and the tracker decides it.
    RecordMatch ghsa = match("GHSA-1111-2222-3333", List.of("CVE-2024-11"), List.of(), "osv",
        AffectedStatus.FIXED, "3.3.2-r5");
    RecordMatch tracker = match("CVE-2024-11", List.of(), List.of(), "alpine-secdb", AffectedStatus.FIXED, "3.3.2-r0");
    RecordMatch unrelated = match("CVE-2024-12", List.of(), List.of(), "alpine-secdb", AffectedStatus.FIXED,
        "3.3.2-r0");

    assertThat(FindingMerger.merge(List.of(ghsa, tracker))).isEmpty();
    assertThat(FindingMerger.merge(List.of(tracker, ghsa))).isEmpty();
    assertThat(FindingMerger.merge(List.of(unrelated, ghsa))).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("CVE-2024-11");
      assertThat(m.aliases()).containsExactly("GHSA-1111-2222-3333");
      assertThat(m.records()).extracting(r -> r.record().feed()).containsExactly("osv");
    });
  }

  @Test
  void recordsThatDoNotContainTheVersionGiveNothing() {
    RecordMatch notContaining = match("CVE-2024-10", List.of(), List.of(), "osv", AffectedStatus.FIXED, "3.3.2-r0");

    assertThat(notContaining.matchedBy()).isEqualTo(Optional.empty());
    assertThat(FindingMerger.merge(List.of(notContaining))).isEmpty();
  }
}
