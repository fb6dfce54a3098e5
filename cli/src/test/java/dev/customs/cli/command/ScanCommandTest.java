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
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code customs scan} end to end on the real archives and a bundle built from the real records. */
class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEBIAN = TestData.testdata("images/debian12.oci.tar").toString();
  private static final String ALPINE = TestData.testdata("images/alpine-3.20.3.oci.tar").toString();
  @TempDir Path dir;

  private static CliRun scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--db", TestVulnData.sharedBundle().toString(), "--no-cache"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static List<String> ids(JsonNode findings, String pkg) {
    List<String> ids = new ArrayList<>();
    findings.forEach(f -> {
      if (f.path("package").path("name").asText().equals(pkg)) {
        ids.add(f.path("id").asText());
      }
    });
    return ids;
  }

  @Test
  void findsLog4ShellInTheAppImageAsJson() throws Exception {
    CliRun run = scan("--input", DEBIAN, "debian12-app", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(ids(doc.path("findings"), "org.apache.logging.log4j:log4j-core")).contains("CVE-2021-44228");
    assertThat(ids(doc.path("findings"), "minimist")).contains("CVE-2021-44906", "CVE-2020-7598");
    assertThat(doc.path("distro").path("ecosystemKey").asText()).isEqualTo("debian:12");
  }

  @Test
  void writesAValidCycloneDxVdrToAFile() throws Exception {
    Path output = dir.resolve("vdr.cdx.json");

    CliRun run = scan("--input", ALPINE, "--format", "cyclonedx", "--output", output.toString(), "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    String json = Files.readString(output);
    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    assertThat(JSON.readTree(json).path("vulnerabilities").findValuesAsText("id")).contains("CVE-2024-9143");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void severityAndIgnoreUnfixedFilterTheFindings() throws Exception {
    JsonNode all = JSON.readTree(scan("--input", DEBIAN, "debian12-app", "--format", "json").out()).path("findings");
    JsonNode filtered = JSON.readTree(scan("--input", DEBIAN, "debian12-app", "--format", "json",
        "--severity", "critical,HIGH", "--ignore-unfixed").out()).path("findings");

    assertThat(filtered.size()).isPositive().isLessThan(all.size());
    filtered.forEach(f -> {
      assertThat(f.path("severity").path("level").asText()).isIn("CRITICAL", "HIGH");
      assertThat(f.path("status").asText()).isEqualTo("fixed");
    });
  }

  @Test
  void theTableIsTheDefault() {
    CliRun run = scan("--input", ALPINE);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("OS:       alpine 3.20.3").contains("PACKAGE").contains("CVE-2024-9143");
  }

  @Test
  void withoutADatabaseItExitsWith3AndSaysHowToGetOne() {
    CliRun run = CliRun.run("scan", "--db", dir.resolve("none.db").toString(), "--input", ALPINE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(run.err()).contains("no vulnerability database at").contains("customs db build").contains("customs db import");
  }

  @Test
  void aDamagedDatabaseIsRefusedWith3() throws Exception {
    Path db = Files.copy(TestVulnData.sharedBundle(), dir.resolve("customs.db"));
    Files.copy(TestVulnData.sharedBundle().resolveSibling("customs.db.sha256"), dir.resolve("customs.db.sha256"));
    Files.write(db, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

    CliRun run = CliRun.run("scan", "--db", db.toString(), "--input", ALPINE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(run.err()).contains(db.toString());
  }

  @Test
  void anUnreadableImageExitsWith3() throws Exception {
    Path notATar = Files.writeString(dir.resolve("image.tar"), "not a tar");

    CliRun run = scan("--input", notATar.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(run.err()).contains("cannot read the image").contains("image.tar");
  }

  @Test
  void wrongFlagsExitWith2() {
    assertThat(scan("--input", ALPINE, "--severity", "urgent").err()).contains("unknown severity \"urgent\"");
    assertThat(scan("--input", ALPINE, "--severity", "urgent").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(scan("--input", ALPINE, "--format", "pdf").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(scan().exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
