package dev.customs.core.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The native feed formats: the shapes the real test data has no sample of, and their bad input. */
class FeedsFormatTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      resolved with a version      | {"status": "resolved", "fixed_version": "1.2-1", "urgency": "low"}             | FIXED        | 1.2-1
      resolved with version 0      | {"status": "resolved", "fixed_version": "0", "urgency": "unimportant"}         | NOT_AFFECTED | ''
      open                         | {"status": "open", "urgency": "medium"}                                        | UNFIXED      | ''
      open, no-dsa ignored         | {"status": "open", "urgency": "low", "nodsa": "Minor", "nodsa_reason": "ignored"} | WONT_FIX  | ''
      open, no-dsa postponed       | {"status": "open", "urgency": "low", "nodsa": "Minor", "nodsa_reason": "postponed"} | UNFIXED | ''
      open, release end-of-life    | {"status": "open", "urgency": "end-of-life"}                                   | EOL          | ''
      undetermined                 | {"status": "undetermined", "urgency": "not yet assigned"}                      | UNDETERMINED | ''
      """)
  void debianTrackerStatuses(String name, String release, AffectedStatus status, String fixed) throws IOException {
    Files.writeString(dir.resolve("tracker.json"),
        "{\"zlib\": {\"CVE-2099-0001\": {\"description\": \"d\", \"releases\": {\"bookworm\": " + release + "}}}}");
    AffectedPackage p = RecordingSink.read(new DebianTrackerFeed(), dir).advisory("CVE-2099-0001").affected().getFirst();
    assertThat(p.ecosystemKey()).isEqualTo("debian:12");
    assertThat(p.name()).isEqualTo("zlib");
    assertThat(p.status()).isEqualTo(status);
    assertThat(p.fixedVersion()).isEqualTo(fixed);
  }

  @Test
  void debianTrackerReportsABadEntryAndKeepsTheOthers() throws IOException {
    Files.writeString(dir.resolve("tracker.json"), """
        {"zlib": {"CVE-2099-0001": {"releases": {"trixie": {"status": "resolved"}}},
                  "CVE-2099-0002": {"releases": {"sid": {"status": "frozen"}}},
                  "CVE-2099-0003": {"releases": {"bullseye": {"status": "open"}}}},
         "broken": []}""");
    RecordingSink sink = RecordingSink.read(new DebianTrackerFeed(), dir);
    assertThat(sink.advisory("CVE-2099-0003").affected().getFirst().ecosystemKey()).isEqualTo("debian:11");
    assertThat(sink.malformed).containsExactly(
        "CVE-2099-0001 (zlib): resolved in trixie without a fixed_version",
        "CVE-2099-0002 (zlib): unknown status 'frozen' for sid",
        "broken: the package entry is not an object of CVEs");
  }

  @Test
  void epssDailyCsvGzipWithItsCommentLine() throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("epss_scores-2025-03-01.csv.gz")))) {
      out.write("""
          #model_version:v2025.03.14,score_date:2025-03-01T00:00:00+0000
          cve,epss,percentile
          CVE-2021-44228,0.94358,0.99957
          CVE-2099-0001,not-a-number,0.5
          CVE-2099-0002,1.7,0.5
          CVE-2024-3094,0.84,0.99
          """.getBytes(StandardCharsets.UTF_8));
    }
    RecordingSink sink = RecordingSink.read(new EpssFeed(), dir);
    assertThat(sink.epss).containsExactly(
        new EpssScore("CVE-2021-44228", 0.94358, 0.99957, LocalDate.of(2025, 3, 1)),
        new EpssScore("CVE-2024-3094", 0.84, 0.99, LocalDate.of(2025, 3, 1)));
    assertThat(sink.malformed).containsExactly(
        "epss_scores-2025-03-01.csv.gz line 4: not a number: not-a-number",
        "epss_scores-2025-03-01.csv.gz line 5: EPSS score of CVE-2099-0002 is not within 0..1: 1.7");
    assertThat(sink.timestamp).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
  }

  @Test
  void kevEntryWithoutCveIsReportedByPosition() throws IOException {
    Files.writeString(dir.resolve("kev.json"), """
        {"dateReleased": "2025-08-25T17:04:19.9796Z", "vulnerabilities": [
          {"cveID": "CVE-2021-44228", "dateAdded": "2021-12-10", "dueDate": "2021-12-24",
           "knownRansomwareCampaignUse": "Known"},
          {"vendorProject": "nobody", "dateAdded": "2021-12-10"},
          {"cveID": "CVE-2099-0001", "dateAdded": "someday"}]}""");
    RecordingSink sink = RecordingSink.read(new KevFeed(), dir);
    assertThat(sink.kev).extracting(KevEntry::cveId).containsExactly("CVE-2021-44228");
    assertThat(sink.malformed).containsExactly(
        "kev.json entry 1: missing required field 'cveID'",
        "CVE-2099-0001: field 'dateAdded' is not a date: someday");
  }

  @Test
  void nvdSkipsRejectedCvesAndReportsBrokenOnes() throws IOException {
    Files.writeString(dir.resolve("page.json"), """
        {"format": "NVD_CVE", "version": "2.0", "vulnerabilities": [
          {"cve": {"id": "CVE-2099-0001", "vulnStatus": "Rejected"}},
          {"cve": {"id": "CVE-2099-0002", "vulnStatus": "Analyzed", "published": "yesterday"}},
          {"cve": {"id": "CVE-2099-0003", "vulnStatus": "Analyzed", "descriptions": [{"lang": "en", "value": "ok"}]}}]}""");
    RecordingSink sink = RecordingSink.read(new NvdFeed(), dir);
    assertThat(sink.advisories).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo("CVE-2099-0003");
      assertThat(a.affected()).isEmpty();
    });
    assertThat(sink.malformed).containsExactly("CVE-2099-0002: field 'published' is not a date: yesterday");
  }

  @Test
  void nvdYearlyFileIsStreamedAndACutOffOneReported() throws IOException {
    String cve = "{\"cve\": {\"id\": \"CVE-2099-%04d\", \"vulnStatus\": \"Analyzed\"}}";
    StringBuilder json = new StringBuilder("{\"format\": \"NVD_CVE\", \"vulnerabilities\": [");
    for (int i = 0; i < 3000; i++) {
      json.append(i == 0 ? "" : ",").append(cve.formatted(i));
    }
    json.append("], \"timestamp\": \"2025-01-02T03:04:05.000\"}");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("nvdcve-2.0-2099.json.gz")))) {
      out.write(json.toString().getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("page-cut.json"), json.substring(0, json.length() / 2));

    RecordingSink sink = RecordingSink.read(new NvdFeed(), dir);

    // The cut-off page hands over the CVEs before the cut, then is reported.
    assertThat(sink.advisories).hasSizeGreaterThan(3000).hasSizeLessThan(6000);
    assertThat(sink.malformed).singleElement().asString().startsWith("page-cut.json: not valid JSON");
    assertThat(sink.timestamp).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
  }

  @Test
  void rubysecAdvisoryWithoutIdsIsReported() throws IOException {
    Files.writeString(dir.resolve("x.yml"), "gem: rack\npatched_versions:\n  - \">= 2.0\"\n");
    Files.writeString(dir.resolve("y.yml"), "gem: rack\ncve: 2099-0001\nunaffected_versions:\n  - \"< 1.0\"\n");
    RecordingSink sink = RecordingSink.read(new RubysecFeed(), dir);
    assertThat(sink.malformed).containsExactly("x.yml: advisory for gem rack has neither 'cve' nor 'ghsa'");
    // Nothing patched: affected wherever the unaffected requirement does not hold.
    assertThat(sink.advisory("CVE-2099-0001").affected().getFirst().status()).isEqualTo(AffectedStatus.UNFIXED);
  }

  @Test
  void alpineSecdbSplitsExtraIdsIntoAliases() throws IOException {
    Files.writeString(dir.resolve("main.json"), """
        {"distroversion": "v3.20", "packages": [{"pkg": {"name": "glib", "secfixes": {
          "2.66.8-r0": ["CVE-2021-27219 GHSL-2021-045"], "0": ["CVE-2099-0001"]}}}, {"pkg": {}}]}""");
    RecordingSink sink = RecordingSink.read(new AlpineSecdbFeed(), dir);
    assertThat(sink.advisory("CVE-2021-27219").aliases()).containsExactly("GHSL-2021-045");
    assertThat(sink.advisory("CVE-2099-0001").affected().getFirst().status()).isEqualTo(AffectedStatus.NOT_AFFECTED);
    assertThat(sink.malformed).containsExactly("main.json: missing required field 'name'");
  }

  @Test
  void aMissingSourceFailsTheFeed() {
    Path missing = dir.resolve("nope");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingSink.read(new OsvFeed(), missing))
        .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining(missing.toString());
  }
}
