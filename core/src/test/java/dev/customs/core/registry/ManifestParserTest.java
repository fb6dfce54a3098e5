package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestParserTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);
  private static final String D3 = "sha256:" + "3".repeat(64);
  private static final String D4 = "sha256:" + "4".repeat(64);

  /** Shaped like Docker Hub's multi-arch lists, including a BuildKit attestation entry. */
  private static final String LIST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_LIST + "\",\"manifests\":["
      + entry(D1, "{\"architecture\":\"amd64\",\"os\":\"linux\"}") + ","
      + entry(D2, "{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}") + ","
      + entry(D3, "{\"architecture\":\"arm64\",\"os\":\"linux\"}") + ","
      + entry(D4, "{\"architecture\":\"unknown\",\"os\":\"unknown\"}") + "]}";

  private static String entry(String digest, String platform) {
    return "{\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":528,"
        + "\"platform\":" + platform + "}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"linux/amd64,1", "linux/arm/v7,2", "linux/arm,2", "linux/arm64,3", "linux/arm64/v8,3"})
  void platformIsChosenFromTheList(String wanted, String digit) throws IOException {
    ImageIndex index = (ImageIndex) ManifestParser.parse(MediaTypes.DOCKER_LIST, LIST.getBytes(StandardCharsets.UTF_8));
    assertThat(index.select(Platform.parse(wanted)).map(Descriptor::digest))
        .contains(Digest.parse("sha256:" + digit.repeat(64)));
  }

  @Test
  void missingPlatformIsEmptyAndThePlatformsOnOfferAreListed() throws IOException {
    ImageIndex index = (ImageIndex) ManifestParser.parse(MediaTypes.DOCKER_LIST, LIST.getBytes(StandardCharsets.UTF_8));
    assertThat(index.select(Platform.parse("linux/arm/v6"))).isEmpty();
    assertThat(index.platforms()).isEqualTo("linux/amd64, linux/arm/v7, linux/arm64, unknown/unknown");
  }

  @Test
  void mediaTypeComesFromTheDocumentThenTheHeaderThenTheShape() throws IOException {
    byte[] bare = "{\"schemaVersion\":2,\"config\":{}}".getBytes(StandardCharsets.UTF_8);
    byte[] bareIndex = "{\"schemaVersion\":2,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(ManifestParser.mediaType(LIST.getBytes(StandardCharsets.UTF_8), Optional.of(MediaTypes.OCI_INDEX)))
        .isEqualTo(MediaTypes.DOCKER_LIST);
    assertThat(ManifestParser.mediaType(bare, Optional.of(MediaTypes.DOCKER_MANIFEST + "; charset=utf-8")))
        .isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(ManifestParser.mediaType(bare, Optional.of("application/json"))).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(ManifestParser.mediaType(bareIndex, Optional.empty())).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  void brokenManifestsSayWhatIsWrong() {
    assertThatThrownBy(() -> ManifestParser.parse(MediaTypes.OCI_MANIFEST, "[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("manifest is not a JSON object");
    assertThatThrownBy(() -> ManifestParser.parse(MediaTypes.OCI_MANIFEST, "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("manifest has no config descriptor");
    assertThatThrownBy(() -> ManifestParser.parse(MediaTypes.OCI_MANIFEST,
        ("{\"config\":{\"digest\":\"" + D1 + "\",\"size\":1},\"layers\":[{\"digest\":\"md5:00\",\"size\":1}]}")
            .getBytes(StandardCharsets.UTF_8)))
        .hasMessage("manifest layers[0]: unsupported digest algorithm \"md5\" (expected sha256 or sha512)");
    assertThatThrownBy(() -> ManifestParser.parse("application/vnd.example+json", "{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("unsupported manifest media type \"application/vnd.example+json\"");
  }
}
