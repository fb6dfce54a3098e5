package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher on the real Debian 12 image against the real records: every finding is justified by
 * the records and dpkg's ordering, and nothing the records support is missed. The oracle reads the
 * OSV JSON files itself ({@link DebianOsvOracle}), not the bundle.
 */
class VulnMatcherDebianTest {
  static VulnDb db;
  static DebianOsvOracle oracle;

  @BeforeAll
  static void open() throws Exception {
    db = VulnDb.open(TestVulnData.sharedBundle());
    oracle = new DebianOsvOracle("Debian:12");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyFindingOfTheImageIsJustifiedAndNoneIsMissed() {
    Inventory inventory = TestImages.inventory("debian12");

    Map<String, Set<String>> expected = expected(inventory);
    Map<String, Set<String>> found = found(new VulnMatcher(db).match(inventory));

    assertThat(found).isEqualTo(expected);
    assertThat(expected.values().stream().mapToInt(Set::size).sum()).as("the check checks something").isGreaterThan(50);
  }

  @Test
  void withOlderRealVersionsFixedVulnerabilitiesAppearAndStillMatchTheOracle() {
    // Each source at the oldest bookworm version its records list as affected: real versions, before the fixes.
    Inventory older = withVersions(TestImages.inventory("debian12"), p -> Optional.ofNullable(
        oracle.oldestListed(source(p))).map(v -> p.withSource(source(p), v)).orElse(p));

    MatchResult result = new VulnMatcher(db).match(older);

    assertThat(found(result)).isEqualTo(expected(older));
    assertThat(result.findings()).anyMatch(f -> f.status() == FindingStatus.FIXED);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void installedBelowTheFixIsReportedAtTheFixAndNotFromIt() {
    Finding cve = only(match("openssl", "3.0.11-1~deb12u1"), "CVE-2023-5363");
    assertThat(cve.status()).isEqualTo(FindingStatus.FIXED);
    assertThat(cve.fixedVersions()).containsExactly("3.0.11-1~deb12u2");
    assertThat(cve.aliases()).as("the DSA that fixed it is the same finding").contains("DSA-5532-1");
    assertThat(cve.evidence()).extracting(MatchEvidence::scheme).containsOnly("deb");

    assertThat(match("openssl", "3.0.11-1~deb12u2")).noneMatch(f -> f.ids().contains("CVE-2023-5363"));
    assertThat(match("openssl", "3.0.22-1~deb12u2")).noneMatch(f -> f.ids().contains("CVE-2023-5363"));
  }

  @Test
  void unfixedVulnerabilitiesAreReportedAsUnfixedWithTheDistroSeverity() {
    Finding f = only(new VulnMatcher(db).match(TestImages.inventory("debian12")).findings().stream()
        .filter(x -> x.pkg().pkg().name().equals("libc6")).toList(), "CVE-2019-1010022");

    assertThat(f.status()).isEqualTo(FindingStatus.UNFIXED);
    assertThat(f.fixedVersions()).isEmpty();
    assertThat(f.severity().source()).isEqualTo("debian");
    assertThat(f.evidence().getFirst().packageName()).as("looked up by source package").isEqualTo("glibc");
  }

  @Test
  void aReleaseTheDataDoesNotCoverIsSaidSoNotCalledClean() {
    Inventory forky = TestImages.inventory("debian12");
    forky = new Inventory(forky.image(), Optional.of(new OsRelease("debian", "14.0", "Debian GNU/Linux 14 (forky)")),
        forky.packages(), forky.secrets(), forky.privilegedFiles(), forky.users(), forky.problems());

    MatchResult result = new VulnMatcher(db).match(forky);

    assertThat(result.distroCovered()).isFalse();
    assertThat(result.distro().orElseThrow().notCoveredMessage()).startsWith("debian 14.0: not covered by the vulnerability data");
    assertThat(result.findings()).noneMatch(f -> f.pkg().pkg().ecosystem() == Ecosystem.DEB);
  }

  @Test
  void osPackagesWithoutAnOsReleaseAreReportedAsNotChecked() {
    Inventory base = TestImages.inventory("debian12");
    Inventory unknown = new Inventory(base.image(), Optional.empty(), base.packages(), base.secrets(),
        base.privilegedFiles(), base.users(), base.problems());

    MatchResult result = new VulnMatcher(db).match(unknown);

    assertThat(result.findings()).isEmpty();
    assertThat(result.problems()).singleElement().asString().contains("its OS packages were not checked");
  }

  private List<Finding> match(String binary, String version) {
    Inventory inventory = withVersions(TestImages.inventory("debian12"),
        p -> p.name().equals(binary) ? p.withSource(source(p), version) : p);
    return new VulnMatcher(db).match(inventory).findings().stream().filter(f -> f.pkg().pkg().name().equals(binary)).toList();
  }

  private static Finding only(List<Finding> findings, String id) {
    List<Finding> matching = findings.stream().filter(f -> f.id().equals(id)).toList();
    assertThat(matching).as(id).hasSize(1);
    return matching.getFirst();
  }

  /** binary package → ids the oracle says affect it (at its source version). */
  private static Map<String, Set<String>> expected(Inventory inventory) {
    Map<String, Set<String>> expected = new HashMap<>();
    for (InventoryPackage ip : inventory.packages()) {
      Package p = ip.pkg();
      List<String> ids = oracle.affecting(source(p), p.sourceVersion().isEmpty() ? p.version() : p.sourceVersion());
      if (!ids.isEmpty()) {
        expected.put(p.name(), new TreeSet<>(ids));
      }
    }
    return expected;
  }

  /** binary package → every id of the findings, restricted to the Debian record ids (CVE, DSA, DLA, DTSA). */
  private static Map<String, Set<String>> found(MatchResult result) {
    Map<String, Set<String>> found = new HashMap<>();
    for (Finding f : result.findings()) {
      Set<String> ids = found.computeIfAbsent(f.pkg().pkg().name(), k -> new TreeSet<>());
      f.evidence().forEach(e -> ids.add(e.recordId()));
      f.ids().stream().filter(i -> i.matches("(DSA|DLA|DTSA)-.*")).forEach(ids::add);
    }
    // A folded advisory is only listed when the oracle would also list it as affecting.
    found.forEach((name, ids) -> ids.retainAll(allDebianIds()));
    found.values().removeIf(Set::isEmpty);
    return found;
  }

  private static Set<String> allDebianIds() {
    Set<String> ids = new TreeSet<>();
    oracle.entries().values().forEach(list -> list.forEach(e -> ids.add(e.id())));
    return ids;
  }

  private static String source(Package p) {
    return p.sourceName().isEmpty() ? p.name() : p.sourceName();
  }

  private static Inventory withVersions(Inventory inventory, UnaryOperator<Package> change) {
    List<InventoryPackage> packages = new ArrayList<>();
    for (InventoryPackage ip : inventory.packages()) {
      Package p = ip.pkg().ecosystem() == Ecosystem.DEB ? change.apply(ip.pkg()) : ip.pkg();
      packages.add(new InventoryPackage(p, ip.purl(), ip.layerDiffId(), ip.analyzer()));
    }
    return new Inventory(inventory.image(), inventory.os(), packages, inventory.secrets(), inventory.privilegedFiles(),
        inventory.users(), inventory.problems());
  }
}
