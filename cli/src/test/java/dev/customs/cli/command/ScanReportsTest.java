package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code customs scan --output FORMAT=FILE}: several reports of one judged scan of the real app image. */
class ScanReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEBIAN = TestData.testdata("images/debian12.oci.tar").toString();
  private static final DateTimeFormatter GITLAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void writesEveryRequestedFormatFromOneScanAndStillJudges() throws Exception {
    Path sarif = dir.resolve("out.sarif");
    Path junit = dir.resolve("j.xml");
    Path gitlab = dir.resolve("gl.json");
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("scan.json");
    String before = GITLAB_TIME.format(Instant.now());
    CliRun run = CliRun.run("scan", "--db", TestVulnData.sharedBundle().toString(), "--no-cache", "--quiet",
        "--input", DEBIAN, "debian12-app", "--policy", "baseline", "--format", "json", "--output", json.toString(),
        "--output", "sarif=" + sarif, "--output", "junit=" + junit, "--output", "gitlab=" + gitlab,
        "--output", "html=" + html);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_COMPLIANT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("customs scan: NOT COMPLIANT");
    JsonNode scan = JSON.readTree(json.toFile());
    int findings = scan.path("findings").size();
    assertThat(scan.path("assessment").path("compliant").asBoolean(true)).isFalse();
    JsonNode gitlabReport = JSON.readTree(gitlab.toFile());
    assertThat(gitlabReport.path("vulnerabilities").size()).isEqualTo(findings).isPositive();
    // The scan began when the command started, before the image was read; the report time is its end.
    String start = gitlabReport.path("scan").path("start_time").asText();
    String end = gitlabReport.path("scan").path("end_time").asText();
    assertThat(start).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(end);
    assertThat(JSON.readTree(sarif.toFile()).path("runs").get(0).path("results").size()).isGreaterThan(findings);
    assertThat(Files.readString(junit)).contains("<failure").contains("CVE-2021-44228");
    assertThat(Files.readString(html)).contains("NOT COMPLIANT");
  }

  @Test
  void anOutputThatCannotBeWrittenIsNamedAndTheOthersAreStillWritten() throws Exception {
    Path sarif = dir.resolve("out.sarif");
    Path missing = dir.resolve("no/such/dir/j.xml");
    CliRun run = CliRun.run("scan", "--db", TestVulnData.sharedBundle().toString(), "--no-cache", "--quiet",
        "--input", DEBIAN, "debian12-app", "--output", "junit=" + missing, "--output", "sarif=" + sarif);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("customs scan: cannot write " + missing);
    assertThat(JSON.readTree(sarif.toFile()).path("version").asText()).isEqualTo("2.1.0");
    assertThat(run.out()).contains("Findings:");
  }

  @Test
  void anUnknownOutputFormatIsAUsageError() {
    CliRun run = CliRun.run("scan", "--db", TestVulnData.sharedBundle().toString(), "--input", DEBIAN, "debian12-app",
        "--output", "pdf=x.pdf");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("unknown format \"pdf\" in --output pdf=x.pdf");
  }
}
