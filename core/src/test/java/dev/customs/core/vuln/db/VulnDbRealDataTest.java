package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.feed.Feeds;
import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.VersionRange;
import dev.customs.core.vuln.model.VulnDetails;
import dev.customs.testkit.TestVulnData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle built from all of {@code shared/testdata/vulndata}, checked against facts read from the files. */
class VulnDbRealDataTest {
  @TempDir static Path dir;
  static BuildReport report;
  static long buildCpuMillis;
  static VulnDb db;

  @BeforeAll
  static void build() throws Exception {
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    report = new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(TestVulnData.allFeeds(), dir.resolve("customs.db"));
    buildCpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    db = VulnDb.open(report.bundle());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void debianOsvGivesTheFixedVersionOfOpensslInBookworm() {
    AffectedRecord r = only(db.affecting("debian:12", "openssl"), "CVE-2023-5363");
    assertThat(r.status()).isEqualTo(AffectedStatus.FIXED);
    assertThat(r.fixedVersion()).isEqualTo("3.0.11-1~deb12u2");
    assertThat(r.feed()).isEqualTo("osv");
    assertThat(r.ranges()).containsExactly(new VersionRange(RangeType.ECOSYSTEM,
        List.of(new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, "3.0.11-1~deb12u2"))));
    assertThat(r.severities()).extracting(s -> s.source() + "=" + s.raw()).contains("debian=not yet assigned");
  }

  @Test
  void alpineSecdbGivesBusyboxFixesAndNotAffectedEntriesIn320() {
    List<AffectedRecord> busybox = db.affecting("alpine:3.20", "busybox");
    AffectedRecord fixed = busybox.stream()
        .filter(r -> r.vulnerabilityId().equals("CVE-2023-42366") && r.feed().equals("alpine-secdb")).findFirst().orElseThrow();
    assertThat(fixed.fixedVersion()).isEqualTo("1.36.1-r25");
    assertThat(fixed.status()).isEqualTo(AffectedStatus.FIXED);
    // "0" in secfixes: Alpine says busybox was never affected; no range that would match everything.
    AffectedRecord notAffected = busybox.stream()
        .filter(r -> r.vulnerabilityId().equals("CVE-2021-42373") && r.feed().equals("alpine-secdb")).findFirst().orElseThrow();
    assertThat(notAffected.status()).isEqualTo(AffectedStatus.NOT_AFFECTED);
    assertThat(notAffected.ranges()).isEmpty();
    // "CVE-2021-27219 GHSL-2021-045" in glib's secfixes: the second id is an alias.
    assertThat(db.details("CVE-2021-27219").orElseThrow().aliases()).contains("GHSL-2021-045");
  }

  @Test
  void ghsaGivesTheThreeLog4jCoreRangesOfLog4Shell() {
    List<AffectedRecord> rows = db.affecting("maven", "org.apache.logging.log4j:log4j-core").stream()
        .filter(r -> r.vulnerabilityId().equals("GHSA-jfh8-c2jp-5v3q")).toList();
    assertThat(rows).extracting(r -> r.ranges().getFirst().versionsOf(EventKind.INTRODUCED).getFirst()
        + ".." + r.fixedVersion()).containsExactlyInAnyOrder("2.13.0..2.15.0", "2.0-beta9..2.3.1", "2.4..2.12.2");
    assertThat(rows.getFirst().aliases()).contains("CVE-2021-44228");
    assertThat(rows.getFirst().severities()).extracting(s -> s.source() + "=" + s.level()).contains("ghsa=CRITICAL");
  }

  @Test
  void kevFlagsLog4ShellWithItsDates() {
    var kev = db.kev("CVE-2021-44228").orElseThrow();
    assertThat(kev.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
    assertThat(kev.dueDate()).isEqualTo(LocalDate.of(2021, 12, 24));
    assertThat(kev.knownRansomwareCampaignUse()).isEqualTo("Known");
    assertThat(db.kev("CVE-2023-5363")).isEmpty();
  }

  @Test
  void epssGivesTheScoreOfTheJsonDay() {
    var epss = db.epss("CVE-2020-1472").orElseThrow();
    assertThat(epss.score()).isEqualTo(0.9318);
    assertThat(epss.percentile()).isNull();
    assertThat(epss.scoreDate()).isEqualTo(LocalDate.of(2021, 4, 14));
  }

  @Test
  void nvdEnrichesXzWithItsCvss31VectorAndCwe() {
    VulnDetails xz = db.details("CVE-2024-3094").orElseThrow();
    assertThat(xz.cvss()).contains(new CvssVector("nvd@nist.gov", "3.1",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "Primary"));
    assertThat(xz.cwes()).containsExactly("CWE-506");
    assertThat(xz.description()).startsWith("Malicious code was discovered in the upstream tarballs of xz");
    assertThat(xz.severities()).extracting(s -> s.source() + "=" + s.level()).contains("nvd=CRITICAL");
    // NVD only enriches: it creates no affected rows.
    assertThat(db.affecting("debian:12", "xz-utils")).noneMatch(r -> r.feed().equals("nvd"));
  }

  @Test
  void withdrawnOsvRecordIsAbsent() {
    assertThat(db.details("UBUNTU-CVE-2013-2208")).isEmpty();
    assertThat(db.affecting("ubuntu:14.04", "tpp")).isEmpty();
    assertThat(db.affecting("ubuntu:22.04", "wayland")).extracting(AffectedRecord::vulnerabilityId).contains("USN-5614-1");
  }

  @Test
  void debianTrackerStatusesAreMappedAsTheTrackerMeansThem() {
    AffectedRecord fixed = only(db.affecting("debian:9", "prototypejs"), "CVE-2008-7220");
    assertThat(fixed.fixedVersion()).isEqualTo("1.6.0.2-1");
    assertThat(fixed.feed()).isEqualTo("debian-tracker");
    assertThat(fixed.severities().getFirst().level()).isEqualTo(SeverityLevel.HIGH);
    assertThat(only(db.affecting("debian:9", "prototypejs"), "CVE-2007-2383").status()).isEqualTo(AffectedStatus.NOT_AFFECTED);
    assertThat(only(db.affecting("debian:10", "chromium"), "CVE-2022-0456").status()).isEqualTo(AffectedStatus.EOL);
  }

  @Test
  void rubysecRequirementsAreKeptForTheMatcher() {
    AffectedRecord rack = only(db.affecting("gem", "rack"), "CVE-2011-5036");
    assertThat(rack.ranges()).containsExactly(new VersionRange(RangeType.GEM_REQUIREMENTS, List.of(
        new RangeEvent(EventKind.PATCHED, "~> 1.1.3"), new RangeEvent(EventKind.PATCHED, "~> 1.2.5"),
        new RangeEvent(EventKind.PATCHED, "~> 1.3.6"), new RangeEvent(EventKind.PATCHED, ">= 1.4.0"))));
    assertThat(rack.aliases()).contains("GHSA-v6j3-7jrw-hq2p");
  }

  @Test
  void languageNamesAreNormalizedOnBothSides() {
    assertThat(db.affecting("pypi", "Django")).extracting(AffectedRecord::vulnerabilityId).contains("PYSEC-2008-1");
    assertThat(db.affecting("go", "stdlib")).isNotEmpty();
    assertThat(db.affecting("go", "golang.org/x/net")).extracting(AffectedRecord::vulnerabilityId).contains("GO-2020-0014");
  }

  @Test
  void rpmDistroAdvisoriesCarryEpochAndRelatedCves() {
    AffectedRecord alsa = only(db.affecting("almalinux:9", "openssl"), "ALSA-2024:0310");
    assertThat(alsa.fixedVersion()).isEqualTo("1:3.0.7-25.el9_3");
    assertThat(alsa.related()).containsExactly("CVE-2023-5363");
    assertThat(only(db.affecting("rocky:9", "ruby"), "RLSA-2024:3671").fixedVersion())
        .isEqualTo("0:3.3.1-2.module+el9.4.0+20787+4c237fd3");
    assertThat(only(db.affecting("rocky:8", "java-11-openjdk"), "RLSA-2021:3891").fixedVersion())
        .isEqualTo("1:11.0.13.0.8-1.el8_4");
  }

  @Test
  void metadataRecordsEveryFeed() {
    BundleMetadata meta = db.metadata();
    assertThat(meta.schemaVersion()).isEqualTo(BundleSchema.VERSION);
    assertThat(meta.sha256()).isEqualTo(report.sha256());
    Map<String, Long> records = meta.feeds().stream()
        .collect(Collectors.toMap(f -> f.source().replaceFirst(".*vulndata/", ""), FeedMetadata::records));
    // One KEV record per catalog entry; the catalog says how many it holds.
    assertThat(records.get("kev")).isEqualTo(1404);
    assertThat(meta.feeds()).allMatch(f -> f.malformed() == 0);
    assertThat(meta.feeds().stream().filter(f -> f.kind().equals("kev")).findFirst().orElseThrow().timestamp())
        .hasToString("2025-08-25T17:04:19.979600Z");
    // The benchmark figure: wall time depends on what else the machine runs, CPU time less so.
    System.out.printf("bundle from the test data: %d ms wall, %d ms CPU, %d bytes, rows %s%n",
        report.elapsed().toMillis(), buildCpuMillis, report.size(), meta.rowCounts());
    report.feeds().forEach(f -> System.out.printf("  %-15s %-45s %6d records %5d ms%n", f.kind(),
        f.source().replaceFirst(".*vulndata/", ""), f.records(), f.elapsed().toMillis()));
  }

  @Test
  void batchedLookupsGiveEachNameTheRowsOfItsOwnLookupCompletedOnlyOnRequest() {
    // More names than one statement takes (200), given as inventories spell them, some twice over,
    // one without records: every name gets exactly what affecting() gives it, in the same order.
    List<String> names = new ArrayList<>(List.of("openssl", "glibc", "curl", "no-such-package"));
    for (int i = 0; i < 250; i++) {
      names.add("absent-" + i);
    }
    Map<String, List<AffectedRecord>> rows = db.affectedRows("debian:12", names);
    Map<String, List<AffectedRecord>> again = db.affectedRows("debian:12", List.of("curl", "glibc", "openssl"));
    Map<String, List<AffectedRecord>> pypi = db.affectedRows("pypi", List.of("Django", "django", "requests"));

    assertThat(rows).hasSize(names.size());
    for (String name : List.of("openssl", "glibc", "curl")) {
      assertThat(rows.get(name)).as(name).isNotEmpty().map(db::withIdTables).isEqualTo(db.affecting("debian:12", name));
      assertThat(again.get(name)).as(name + " from the cache").isEqualTo(rows.get(name));
    }
    assertThat(rows.get("curl")).allMatch(r -> r.aliases().isEmpty() && r.related().isEmpty());
    assertThat(rows.get("no-such-package")).isEmpty();
    assertThat(rows.get("absent-249")).isEmpty();
    assertThat(pypi.get("Django")).isNotEmpty().isEqualTo(pypi.get("django")).map(db::withIdTables)
        .isEqualTo(db.affecting("pypi", "Django"));
    assertThat(pypi.get("requests")).map(db::withIdTables).isEqualTo(db.affecting("pypi", "requests"));
  }

  @Test
  void manyIdsAtOnceGetWhatEachIdGetsOnItsOwn() throws BundleException {
    // The ids of every Debian row of a few large source packages: more than two statements' worth
    // (200 ids each), with ids no feed names mixed in. Each side from its own freshly opened bundle,
    // so that neither answers from the other's cache.
    List<String> names = List.of("openssl", "glibc", "curl", "systemd", "perl", "python3.11", "tiff", "vim");
    Map<String, List<AffectedRecord>> byName = db.affectedRows("debian:12", names);
    List<AffectedRecord> rows = names.stream().flatMap(n -> byName.get(n).stream()).toList();
    List<String> ids = new ArrayList<>(rows.stream().map(AffectedRecord::vulnerabilityId).distinct().toList());
    ids.addAll(List.of("CVE-2021-44228", "CVE-2020-1472", "NO-SUCH-ID", "CVE-1999-99999"));
    assertThat(ids).hasSizeGreaterThan(2 * 200);
    List<String> cves = ids.stream().filter(i -> i.startsWith("CVE-")).toList();

    try (VulnDb batched = VulnDb.open(report.bundle()); VulnDb single = VulnDb.open(report.bundle())) {
      Map<String, Optional<VulnDetails>> details = batched.details(ids);
      Map<String, Optional<KevEntry>> kev = batched.kev(cves);
      Map<String, Optional<EpssScore>> epss = batched.epss(cves);
      List<AffectedRecord> completed = batched.withIdTables(rows);

      assertThat(details).hasSize(ids.size());
      assertThat(details.get("NO-SUCH-ID")).isEmpty();
      assertThat(details.values()).filteredOn(Optional::isPresent).hasSizeGreaterThan(2 * 200);
      for (String id : ids) {
        assertThat(details.get(id)).as(id).isEqualTo(single.details(id));
      }
      assertThat(kev).hasSize(cves.size());
      assertThat(kev.get("CVE-2021-44228")).isPresent();
      assertThat(epss.get("CVE-2020-1472")).isPresent();
      assertThat(epss.get("CVE-1999-99999")).isEmpty();
      for (String cve : cves) {
        assertThat(kev.get(cve)).as(cve).isEqualTo(single.kev(cve));
        assertThat(epss.get(cve)).as(cve).isEqualTo(single.epss(cve));
      }
      // Completed as affecting() completes a package's rows, with its own per-package queries.
      assertThat(completed).isEqualTo(names.stream().flatMap(n -> single.affecting("debian:12", n).stream()).toList());
    }
  }

  @Test
  void aPackagesRowsAreStoredTogetherInVulnerabilityOrder() throws Exception {
    // The feeds give rows advisory by advisory; the build stores each package's rows as one run of
    // ids (so reading a package touches few pages), ordered by vulnerability id, in feed order within one.
    try (Connection c = BundleMetadataReader.openReadOnly(report.bundle()); Statement s = c.createStatement()) {
      assertThat(longOf(s, "SELECT count(*) FROM (SELECT max(id) - min(id) + 1 AS span, count(*) AS n FROM affected"
          + " GROUP BY ecosystem, name) WHERE span != n")).as("packages whose rows are not one run").isZero();
      assertThat(longOf(s, "SELECT count(*) FROM affected a JOIN affected b ON b.id = a.id + 1"
          + " AND b.ecosystem = a.ecosystem AND b.name = a.name WHERE b.vuln_id < a.vuln_id")).isZero();
      assertThat(longOf(s, "SELECT count(DISTINCT ecosystem || ' ' || name) FROM affected")).isGreaterThan(1000);
    }
  }

  private static long longOf(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static AffectedRecord only(List<AffectedRecord> records, String id) {
    List<AffectedRecord> matching = records.stream().filter(r -> r.vulnerabilityId().equals(id)).toList();
    assertThat(matching).as("records of " + id).hasSize(1);
    return matching.getFirst();
  }
}
