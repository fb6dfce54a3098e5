package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code customs sbom} on the real test images, from archives and from a real local registry. */
class SbomCommandImagesTest {
  @TempDir Path dir;
  private CliRun last;

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "sbom";
    System.arraycopy(args, 0, all, 1, args.length);
    last = CliRun.run(all);
    return last.exitCode();
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(last.out());
  }

  private static List<String> purls(JsonNode bom) {
    List<String> purls = new ArrayList<>();
    bom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    return purls;
  }

  @Test
  void aValidCycloneDxDocumentForOneImageOfAMultiImageArchive() throws Exception {
    String archive = TestData.testdata("images/debian12.oci.tar").toString();

    int code = run("--input", archive, "debian12-app", "--format", "cyclonedx", "--cache-dir", dir.toString());

    assertThat(code).as(last.err()).isEqualTo(ExitCode.OK);
    assertThat(new JsonParser().validate(last.out(), Version.VERSION_16)).isEmpty();
    assertThat(purls(json())).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
        "pkg:npm/express@4.17.1", "pkg:pypi/flask@3.1.3");
  }

  @Test
  void aDockerArchiveNamedByItsRepoTag() throws Exception {
    String archive = TestData.testdata("images/alpine-3.20.3.docker.tar.gz").toString();

    int code = run("--input", archive, "localhost/fixtures/alpine-3.20.3:latest", "--format", "json", "--no-cache");

    assertThat(code).as(last.err()).isEqualTo(ExitCode.OK);
    JsonNode image = json().path("image");
    assertThat(image.path("layers")).singleElement().satisfies(l -> assertThat(l.path("diffId").asText())
        .isEqualTo("sha256:a06bf1995ebbced80f289012aa75a085ad073f08883658344ea96ca56a7b2e99"));
    assertThat(image.path("history").get(0).path("createdBy").asText()).contains("alpine-minirootfs-3.20.3");
  }

  @Test
  void anImageInARegistry() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start()) {
      registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12", "fixtures/debian12:12");

      int code = run(registry.host() + "/fixtures/debian12:12", "--format", "spdx", "--no-cache");

      assertThat(code).as(last.err()).isEqualTo(ExitCode.OK);
      JsonNode image = json().path("packages").get(0);
      assertThat(image.path("name").asText()).isEqualTo(registry.host() + "/fixtures/debian12");
      assertThat(image.path("externalRefs").get(0).path("referenceLocator").asText())
          .startsWith("pkg:oci/debian12@sha256%3A").contains("repository_url=" + registry.host().replace(":", "%3A"));
    }
  }
}
