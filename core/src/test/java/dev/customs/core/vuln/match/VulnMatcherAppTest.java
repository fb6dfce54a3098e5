package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Application packages of debian12-app and the Alpine image against the real advisories. */
class VulnMatcherAppTest {
  static VulnDb db;
  static MatchResult app;
  static MatchResult alpine;

  @BeforeAll
  static void match() throws Exception {
    db = VulnDb.open(TestVulnData.sharedBundle());
    app = new VulnMatcher(db).match(TestImages.inventory("debian12-app"));
    alpine = new VulnMatcher(db).match(TestImages.inventory("alpine-3.20.3"));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<Finding> of(MatchResult result, String name) {
    return result.findings().stream().filter(f -> f.pkg().pkg().name().equals(name)).toList();
  }

  private static Finding only(MatchResult result, String name, String id) {
    List<Finding> found = of(result, name).stream().filter(f -> f.ids().contains(id)).toList();
    assertThat(found).as(name + " " + id).hasSize(1);
    return found.getFirst();
  }

  @Test
  void log4ShellIsOneCriticalKnownExploitedFindingUnderItsCveAndGhsa() {
    Finding f = only(app, "org.apache.logging.log4j:log4j-core", "CVE-2021-44228");

    assertThat(f.id()).isEqualTo("CVE-2021-44228");
    assertThat(f.aliases()).contains("GHSA-jfh8-c2jp-5v3q");
    assertThat(f.status()).isEqualTo(FindingStatus.FIXED);
    assertThat(f.fixedVersions()).containsExactly("2.15.0");
    assertThat(f.severity().level()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(f.severity().source()).isEqualTo("ghsa");
    assertThat(f.kev()).hasValueSatisfying(k -> assertThat(k.dateAdded()).hasToString("2021-12-10"));
    assertThat(f.cvss()).anyMatch(c -> c.vector().startsWith("CVSS:3.1/") && c.baseScore() == 10.0);
    assertThat(f.evidence()).singleElement().satisfies(e -> {
      assertThat(e.matchedBy()).isEqualTo("ECOSYSTEM[introduced 2.13.0, fixed 2.15.0]");
      assertThat(e.scheme()).isEqualTo("maven");
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "com.fasterxml.jackson.core:jackson-databind, CVE-2019-12086",
      "com.fasterxml.jackson.core:jackson-databind, CVE-2020-36518",
      "lodash, CVE-2020-8203",
      "lodash, CVE-2021-23337",
      "minimist, CVE-2021-44906",
      "minimist, CVE-2020-7598",
      "org.apache.logging.log4j:log4j-core, CVE-2021-45046"})
  void wellKnownAdvisoriesOfTheApplicationPackagesAreFound(String name, String cve) {
    assertThat(only(app, name, cve).status()).isEqualTo(FindingStatus.FIXED);
  }

  @Test
  void jacksonDatabind298HasManyAdvisoriesEachOnce() {
    List<Finding> jackson = of(app, "com.fasterxml.jackson.core:jackson-databind");
    assertThat(jackson).hasSizeGreaterThan(20);
    assertThat(jackson).extracting(Finding::id).doesNotHaveDuplicates();
  }

  @Test
  void alpineOpensslSubpackagesMatchThroughTheirOriginAndBusyboxIsFixed() {
    Finding f = only(alpine, "libcrypto3", "CVE-2024-9143");
    assertThat(f.fixedVersions()).containsExactly("3.3.2-r1");
    assertThat(f.evidence().getFirst().feed()).isEqualTo("alpine-secdb");
    assertThat(f.evidence().getFirst().packageName()).isEqualTo("openssl");
    only(alpine, "libssl3", "CVE-2024-9143");
    // busybox 1.36.1-r29 carries every fix secdb lists for 3.20 (r29 is itself the fix of CVE-2023-42364).
    assertThat(of(alpine, "busybox")).noneMatch(x -> x.ids().contains("CVE-2023-42364") || x.ids().contains("CVE-2023-42366"));
    assertThat(alpine.distro().orElseThrow().ecosystemKey()).isEqualTo("alpine:3.20");
    assertThat(alpine.distroCovered()).isTrue();
  }
}
