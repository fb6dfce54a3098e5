package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.customs.cli.ExitCode;
import dev.customs.cli.options.ImageOptions;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code customs sbom} on the real test images, from archives and from a real local registry. */
class SbomCommandImagesTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    SbomCommand command = new SbomCommand(ImageOptions::open,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(command).execute(args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
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

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
    assertThat(new JsonParser().validate(out.toByteArray(), Version.VERSION_16)).isEmpty();
    assertThat(purls(json())).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
        "pkg:npm/express@4.17.1", "pkg:pypi/flask@3.1.3");
  }

  @Test
  void aValidSpdxDocumentWithTheRealLicensesOfDebianAndLanguagePackages() throws Exception {
    String archive = TestData.testdata("images/debian12.oci.tar").toString();

    int code = run("--input", archive, "debian12-app", "--format", "spdx", "--no-cache");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
    try (InputStream schemaText = getClass().getResourceAsStream("/spdx/spdx-schema-2.3.json")) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
      assertThat(schema.validate(json())).isEmpty();
    }
    assertThat(json().path("packages")).hasSizeGreaterThan(160);
    assertThat(json().path("hasExtractedLicensingInfos")).isNotEmpty();
  }

  @Test
  void aCorruptLayerIsAProblemNamingTheLayerAndTheRestIsStillReported() throws Exception {
    Path layout = dir.resolve("alpine");
    new ProcessBuilder("tar", "-xf", TestData.testdata("images/alpine-3.20.3.oci.tar").toString(), "-C",
        Files.createDirectories(layout).toString()).inheritIO().start().waitFor();
    JsonNode manifest = manifestOf(layout);
    String layer = manifest.path("layers").get(0).path("digest").asText();
    Path blob = layout.resolve("blobs/sha256/" + layer.substring("sha256:".length()));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(blob, bytes);

    int code = run("--oci-layout", layout.toString(), "--format", "json", "--cache-dir", dir.resolve("c").toString());

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("customs sbom: warning: layer could not be read to its end");
    assertThat(json().path("problems").get(0).path("layer").asText()).startsWith("sha256:");
    assertThat(json().path("image").path("layers")).hasSize(1);
    assertThat(dir.resolve("c")).doesNotExist();
  }

  private static JsonNode manifestOf(Path layout) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String digest = mapper.readTree(layout.resolve("index.json").toFile()).path("manifests").get(0).path("digest").asText();
    return mapper.readTree(layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())).toFile());
  }

  @Test
  void aDockerArchiveNamedByItsRepoTag() throws Exception {
    String archive = TestData.testdata("images/alpine-3.20.3.docker.tar.gz").toString();

    int code = run("--input", archive, "localhost/fixtures/alpine-3.20.3:latest", "--format", "json", "--no-cache");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
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

      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
      JsonNode image = json().path("packages").get(0);
      assertThat(image.path("name").asText()).isEqualTo(registry.host() + "/fixtures/debian12");
      assertThat(image.path("externalRefs").get(0).path("referenceLocator").asText())
          .startsWith("pkg:oci/debian12@sha256%3A").contains("repository_url=" + registry.host().replace(":", "%3A"));
    }
  }
}
