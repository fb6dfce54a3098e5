package dev.customs.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.image.source.Fixtures.Fixture;
import dev.customs.core.layer.ExtractionLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared test image through every local source, checked against skopeo: manifest and config
 * bytes and digests, layer digests and media types, diffIDs; and every layer read to its end, so
 * blob digests and diffIDs are verified on the way.
 */
class LocalSourcesAgainstSkopeoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  /**
   * A way to reach an image, and how skopeo names the same image. The facade's auto-detection is
   * exercised by the gzipped docker-archive and the layout; the source classes directly by the rest.
   */
  enum Kind {
    OCI_ARCHIVE, DOCKER_ARCHIVE_GZ, DOCKER_ARCHIVE_TAR, OCI_LAYOUT;

    Image open(Fixture f) throws IOException {
      SourceOptions options = SourceOptions.DEFAULT.withSelector(isDocker() ? f.repoTag() : f.ociRef());
      ImageSources facade = new ImageSources((ref, o) -> {
        throw new AssertionError("no registry in this test");
      });
      return switch (this) {
        case OCI_ARCHIVE -> new OciArchiveSource(f.ociArchive()).open(options);
        case DOCKER_ARCHIVE_GZ -> facade.open(new ImageLocation.ArchiveFile(f.dockerArchiveGz()), options);
        case DOCKER_ARCHIVE_TAR -> new DockerArchiveSource(Fixtures.gunzipped(f, work)).open(options);
        case OCI_LAYOUT -> facade.open(new ImageLocation.OciLayoutDirectory(Fixtures.ociLayout(f, work)), options);
      };
    }

    boolean isDocker() {
      return this == DOCKER_ARCHIVE_GZ || this == DOCKER_ARCHIVE_TAR;
    }

    /** skopeo reads neither gzip-compressed docker-archives nor, for ours, needs more than the plain tar. */
    String skopeoTransport(Fixture f) {
      return isDocker()
          ? "docker-archive:" + Fixtures.gunzipped(f, work) + ":" + f.repoTag()
          : "oci-archive:" + f.ociArchive() + ":" + f.ociRef();
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Fixture f : Fixtures.ALL) {
      for (Kind k : Kind.values()) {
        cases.add(Arguments.of(f.name() + " via " + k, f, k));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithSkopeoAndVerifiesEveryBlob(String name, Fixture f, Kind kind) throws IOException {
    byte[] skopeoManifest = Skopeo.rawManifest(kind.skopeoTransport(f));
    byte[] skopeoConfig = Skopeo.rawConfig(kind.skopeoTransport(f));
    JsonNode manifest = JSON.readTree(skopeoManifest);
    JsonNode config = JSON.readTree(skopeoConfig);
    try (Image image = kind.open(f)) {
      assertThat(image.rawManifest()).isEqualTo(skopeoManifest);
      assertThat(image.manifestDigest()).isEqualTo(Digest.sha256(skopeoManifest));
      assertThat(image.rawConfig()).isEqualTo(skopeoConfig);
      assertThat(image.configDigest()).isEqualTo(Digest.parse(manifest.path("config").path("digest").asText()));
      assertThat(image.platform().toString()).isEqualTo("linux/amd64");
      List<Layer> layers = image.layers();
      assertThat(layers).hasSize(manifest.path("layers").size());
      for (int i = 0; i < layers.size(); i++) {
        JsonNode expected = manifest.path("layers").get(i);
        assertThat(layers.get(i).descriptor().digest().toString()).isEqualTo(expected.path("digest").asText());
        assertThat(layers.get(i).descriptor().mediaType()).isEqualTo(expected.path("mediaType").asText());
        assertThat(layers.get(i).descriptor().diffId().toString())
            .isEqualTo(config.path("rootfs").path("diff_ids").get(i).asText());
        assertThat(layers.get(i).cacheable()).isTrue();
        AtomicLong entries = new AtomicLong();
        // reads to the end: blob digest and diffID are verified, or this throws
        layers.get(i).readEntries(ExtractionLimits.DEFAULT, (e, c) -> entries.incrementAndGet());
        assertThat(entries.get()).as("entries of layer %d", i + 1).isPositive();
      }
    }
  }
}
