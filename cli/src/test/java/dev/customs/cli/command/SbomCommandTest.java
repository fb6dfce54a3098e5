package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command's own behaviour (flags, outputs, exit codes) on the small Alpine archive. */
class SbomCommandTest {
  private static final String ALPINE = TestData.testdata("images/alpine-3.20.3.oci.tar").toString();
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no image at all            | --format json                                  | an IMAGE reference, --input FILE
      two sources                | --input a.tar --rootfs dir                     | mutually exclusive
      unknown format             | debian:12 --format xml                         | unknown --format "xml" (expected one of table, json, cyclonedx, spdx)
      bad platform               | --input ALPINE --platform linux                | invalid platform "linux"
      rootfs with an image name  | app --rootfs dir                               | IMAGE cannot be combined with --rootfs
      """)
  void usageErrorsExitWith2AndSayWhatIsWrong(String title, String args, String message) {
    CliRun run = CliRun.run(("sbom " + args.replace("ALPINE", ALPINE)).trim().split(" +"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreadableImageExitsWith3AndSaysWhy() throws Exception {
    Path notATar = Files.writeString(dir.resolve("archive.tar"), "not a tar file");

    CliRun run = CliRun.run("sbom", "--input", notATar.toString(), "--no-cache");

    assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(run.err()).contains("cannot read the image").contains("archive.tar");
  }

  @Test
  void writesTheChosenFormatToAFile() throws Exception {
    Path output = dir.resolve("sbom.cdx.json");

    CliRun run = CliRun.run("sbom", "--input", ALPINE, "alpine-3.20.3", "--platform", "linux/amd64",
        "--format", "cyclonedx", "--output", output.toString(), "--no-cache");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    JsonNode bom = new ObjectMapper().readTree(output.toFile());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("components").findValuesAsText("name")).contains("busybox", "musl");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void cachesLayersInTheCacheDirectoryUnlessToldNotTo() throws Exception {
    Path cache = dir.resolve("cache");

    assertThat(CliRun.run("sbom", "--input", ALPINE, "--format", "json", "--cache-dir", cache.toString()).exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(CliRun.run("sbom", "--input", ALPINE, "--format", "json", "--no-cache",
        "--cache-dir", dir.resolve("unused").toString()).exitCode()).isEqualTo(ExitCode.OK);

    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files).hasSize(1);
    }
    assertThat(dir.resolve("unused")).doesNotExist();
  }

  @Test
  void looksForSecretsOnlyForFormatsThatShowThem() throws Exception {
    Path root = dir.resolve("rootfs");
    Files.createDirectories(root.resolve("etc/app"));
    String token = "ghp" + "_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
    Files.writeString(root.resolve("etc/app/config.yaml"), "github:\n  token: " + token + "\n");

    CliRun json = CliRun.run("sbom", "--rootfs", root.toString(), "--format", "json", "--no-cache");
    CliRun table = CliRun.run("sbom", "--rootfs", root.toString(), "--no-cache");
    CliRun cyclonedx = CliRun.run("sbom", "--rootfs", root.toString(), "--format", "cyclonedx", "--no-cache");

    assertThat(new ObjectMapper().readTree(json.out()).path("secrets").findValuesAsText("ruleId"))
        .containsExactly("github-pat");
    assertThat(table.out()).contains("Secret github-pat").contains("etc/app/config.yaml");
    assertThat(cyclonedx.exitCode()).as(cyclonedx.err()).isEqualTo(ExitCode.OK);
    assertThat(cyclonedx.out()).doesNotContain("ghp_");
  }

  @Test
  void writesATableToStandardOutputByDefault() {
    CliRun run = CliRun.run("sbom", "--input", ALPINE, "--no-cache");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("OS:       alpine 3.20.3").contains("TYPE  NAME");
  }
}
