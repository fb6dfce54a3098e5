package dev.customs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code customs inspect} end to end: a real registry and the shared archives, compared with skopeo. */
class InspectCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEBIAN = TestData.testdata("images/debian12.oci.tar");
  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    registry.push(DEBIAN, "debian12-app", "fixtures/debian12-app:1");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void registryImageMatchesWhatSkopeoSees() throws Exception {
    CliRun run = CliRun.run("inspect", "--format", "json", "--quiet", registry.host() + "/fixtures/debian12-app:1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    JsonNode manifest = JSON.readTree(registry.inspectRaw("fixtures/debian12-app:1"));
    JsonNode config = JSON.readTree(registry.inspectRawConfig("fixtures/debian12-app:1"));
    assertThat(report.path("digest").asText())
        .isEqualTo(Digest.sha256(registry.inspectRaw("fixtures/debian12-app:1").getBytes(StandardCharsets.UTF_8)).toString());
    assertThat(report.path("platform").asText()).isEqualTo("linux/amd64");
    assertThat(report.path("workingDir").asText()).isEqualTo("/app");
    List<String> layerDigests = new ArrayList<>();
    manifest.path("layers").forEach(l -> layerDigests.add(l.path("digest").asText()));
    List<String> diffIds = new ArrayList<>();
    config.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
    assertThat(report.path("layers")).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JsonNode layer = report.path("layers").get(i);
      assertThat(layer.path("digest").asText()).isEqualTo(layerDigests.get(i));
      assertThat(layer.path("diffId").asText()).isEqualTo(diffIds.get(i));
      assertThat(layer.path("compressedSize").asLong()).isEqualTo(manifest.path("layers").get(i).path("size").asLong());
      assertThat(layer.path("uncompressedSize").asLong()).isGreaterThan(layer.path("compressedSize").asLong());
    }
    // the Debian base layer is 77.9 MB of tar once gunzipped (checked with gzip -dc | wc -c)
    assertThat(report.path("layers").get(0).path("uncompressedSize").asLong()).isBetween(77_000_000L, 79_000_000L);
  }

  @Test
  void multiImageArchivePicksTheNamedImage() throws Exception {
    CliRun run = CliRun.run("inspect", "--format", "json", "--no-layers", "--input", DEBIAN.toString(), "debian12-minbase");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.path("layers")).hasSize(1);
    assertThat(report.has("uncompressedSize")).isFalse();
  }

  @Test
  void tableShowsTheConfigSummaryAndLayers() {
    CliRun run = CliRun.run("inspect", "--input", TestData.testdata("images/alpine-3.20.3.docker.tar.gz").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // the fixture config sets no Cmd (its history shows only the ADD of the minirootfs)
    assertThat(run.out()).contains("Platform:      linux/amd64", "Cmd:           (none)", "Layers: 1", "User:          (not set: root)");
  }

  @Test
  void ambiguousArchiveIsAUsageOfTheWrongKindAndSaysWhichImagesExist() {
    CliRun run = CliRun.run("inspect", "--input", DEBIAN.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(run.err()).contains("debian12-minbase", "debian12-app");
  }

  @Test
  void missingImageIsUsageError() {
    CliRun run = CliRun.run("inspect");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("an IMAGE reference, --input FILE, --oci-layout DIR or --rootfs DIR is required");
  }

  @Test
  void invalidReferenceIsUsageErrorWithTheParserMessage() {
    CliRun run = CliRun.run("inspect", "Docker.io/Library/Alpine");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("must be lowercase");
  }

  @Test
  void unknownTagIsUnreadableImageNamingTheRegistry() {
    CliRun run = CliRun.run("inspect", "--quiet", registry.host() + "/fixtures/debian12-app:nope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(run.err()).contains(registry.host() + "/fixtures/debian12-app:nope");
  }

  @Test
  void corruptArchiveIsUnreadableImage() throws Exception {
    Path bad = java.nio.file.Files.createTempFile("corrupt", ".tar");
    java.nio.file.Files.write(bad, new byte[] {1, 2, 3, 4, 5});
    CliRun run = CliRun.run("inspect", "--input", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(run.err()).contains(bad.toString());
  }
}
