package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GitLab's container scanning report of the real debian12-app scan. */
class GitLabContainerScanningFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode report() throws Exception {
    return JSON.readTree(JudgedScan.write("gitlab", JudgedScan.app()));
  }

  @Test
  void isValidAgainstGitLabsContainerScanningSchema() throws Exception {
    assertThat(ReportSchemas.gitLabContainerScanning(report())).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesABrokenReport() throws Exception {
    ObjectNode broken = (ObjectNode) report();
    ((ObjectNode) broken.path("scan")).put("start_time", "2026-01-02T03:04:05Z");
    ((ObjectNode) broken.path("vulnerabilities").get(0)).put("severity", "CRITICAL");
    ((ObjectNode) broken.path("vulnerabilities").get(0).path("location")).remove("image");

    assertThat(ReportSchemas.gitLabContainerScanning(broken)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theScanIsAContainerScanWrittenAtTheReportTime() throws Exception {
    JsonNode scan = report().path("scan");

    assertThat(scan.path("type").asText()).isEqualTo("container_scanning");
    assertThat(scan.path("status").asText()).isEqualTo("success");
    assertThat(scan.path("end_time").asText()).isEqualTo("2026-01-02T03:04:05");
    assertThat(scan.path("scanner").path("version").asText()).isEqualTo("1.2.3");
  }

  @Test
  void theStartTimeIsWhenTheScanBeganAndTheEndTimeTheReportTime() throws Exception {
    ScanResult timed = JudgedScan.app().startedAt(Instant.parse("2026-01-02T03:01:59.750Z"));

    JsonNode report = JSON.readTree(JudgedScan.write("gitlab", timed));

    assertThat(report.path("scan").path("start_time").asText()).isEqualTo("2026-01-02T03:01:59");
    assertThat(report.path("scan").path("end_time").asText()).isEqualTo("2026-01-02T03:04:05");
    assertThat(ReportSchemas.gitLabContainerScanning(report)).isEmpty();
  }

  @Test
  void everyFindingIsAVulnerabilityLocatedAtItsPackageOsAndImage() throws Exception {
    JsonNode vulnerabilities = report().path("vulnerabilities");
    List<String> ids = new ArrayList<>();
    vulnerabilities.forEach(v -> ids.add(v.path("id").asText()));

    assertThat(vulnerabilities.size()).isEqualTo(JudgedScan.app().match().findings().size());
    assertThat(ids).doesNotHaveDuplicates();
    JsonNode log4shell = null;
    for (JsonNode v : vulnerabilities) {
      if (v.path("identifiers").get(0).path("value").asText().equals("CVE-2021-44228")
          && v.path("location").path("dependency").path("package").path("name").asText().endsWith("log4j-core")) {
        log4shell = v;
      }
    }
    assertThat(log4shell).isNotNull();
    assertThat(log4shell.path("severity").asText()).isEqualTo("Critical");
    assertThat(log4shell.path("identifiers").get(0).path("type").asText()).isEqualTo("cve");
    assertThat(log4shell.path("location").path("dependency").path("version").asText()).isEqualTo("2.14.1");
    assertThat(log4shell.path("location").path("operating_system").asText()).startsWith("debian 12");
    assertThat(log4shell.path("location").path("image").asText()).isNotBlank();
    assertThat(log4shell.path("solution").asText()).startsWith("Upgrade org.apache.logging.log4j:log4j-core to ");
  }

  @Test
  void idsAreUuidsThatDoNotChangeWithTheReportTime() throws Exception {
    SbomContext later = new SbomContext("customs", "1.2.4", Instant.parse("2027-05-06T07:08:09Z"), UUID.randomUUID());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GitLabContainerScanningFormat().write(JudgedScan.app(), later, out);
    JsonNode first = report().path("vulnerabilities");
    JsonNode second = JSON.readTree(out.toByteArray()).path("vulnerabilities");

    for (int i = 0; i < first.size(); i++) {
      assertThat(UUID.fromString(first.get(i).path("id").asText()).version()).isEqualTo(3);
      assertThat(second.get(i).path("id")).isEqualTo(first.get(i).path("id"));
    }
  }
}
