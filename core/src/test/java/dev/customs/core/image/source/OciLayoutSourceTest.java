package dev.customs.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.image.BlobVerificationException;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEBIAN = TestData.testdata("images/debian12.oci.tar");

  @TempDir
  Path layout;

  private JsonNode alpineManifestDescriptor;

  @BeforeEach
  void unpackAlpine() throws IOException {
    Fixtures.unpack(TestData.testdata("images/alpine-3.20.3.oci.tar"), layout);
    alpineManifestDescriptor = JSON.readTree(layout.resolve("index.json").toFile()).path("manifests").get(0);
  }

  private Image open(SourceOptions options) throws IOException {
    return new OciLayoutSource(layout).open(options);
  }

  private Path blob(String digest) {
    Digest d = Digest.parse(digest);
    return layout.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
  }

  private Digest writeBlob(byte[] bytes) throws IOException {
    Digest d = Digest.sha256(bytes);
    Files.write(blob(d.toString()), bytes);
    return d;
  }

  private static ObjectNode descriptor(String mediaType, Digest digest, long size, String platform) {
    ObjectNode d = JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest.toString()).put("size", size);
    if (platform != null) {
      Platform p = Platform.parse(platform);
      ObjectNode node = d.putObject("platform").put("os", p.os()).put("architecture", p.architecture());
      p.variant().ifPresent(v -> node.put("variant", v));
    }
    return d;
  }

  /** index.json → nested index [arm64/v8 → a variant of the alpine manifest, amd64 → the original]. */
  private Digest[] writeNestedIndex() throws IOException {
    Digest original = Digest.parse(alpineManifestDescriptor.path("digest").asText());
    ObjectNode variant = (ObjectNode) JSON.readTree(Files.readAllBytes(blob(original.toString())));
    variant.putObject("annotations").put("org.example.variant", "arm64");
    byte[] variantBytes = JSON.writeValueAsBytes(variant);
    Digest variantDigest = writeBlob(variantBytes);
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciLayoutReader.OCI_INDEX);
    index.putArray("manifests")
        .add(descriptor(OciLayoutReader.OCI_MANIFEST, variantDigest, variantBytes.length, "linux/arm64/v8"))
        .add(descriptor(OciLayoutReader.OCI_MANIFEST, original, alpineManifestDescriptor.path("size").asLong(),
            "linux/amd64"));
    byte[] indexBytes = JSON.writeValueAsBytes(index);
    Digest indexDigest = writeBlob(indexBytes);
    ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2);
    ObjectNode entry = descriptor(OciLayoutReader.OCI_INDEX, indexDigest, indexBytes.length, null);
    entry.putObject("annotations").put(OciDescriptor.REF_NAME, "multi");
    top.putArray("manifests").add(entry);
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(top));
    return new Digest[] {indexDigest, variantDigest, original};
  }

  @Test
  void choosesFromANestedIndexByPlatform() throws IOException {
    Digest[] d = writeNestedIndex();
    try (Image amd64 = open(SourceOptions.DEFAULT);
        Image arm64 = open(SourceOptions.DEFAULT.withPlatform(Platform.parse("linux/arm64")))) {
      assertThat(amd64.manifestDigest()).isEqualTo(d[2]);
      assertThat(amd64.indexDigest()).contains(d[0]);
      assertThat(arm64.manifestDigest()).isEqualTo(d[1]);
    }
    assertThatThrownBy(() -> open(SourceOptions.DEFAULT.withPlatform(Platform.parse("linux/s390x"))))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage("no linux/s390x image in index " + d[0] + " of " + layout + "; it has: linux/arm64/v8, linux/amd64");
  }

  @Test
  void choosesByPlatformAmongTopLevelEntriesSharingAName() throws IOException {
    Digest[] d = writeNestedIndex();
    JsonNode nested = JSON.readTree(Files.readAllBytes(blob(d[0].toString())));
    ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2);
    for (JsonNode entry : nested.path("manifests")) {
      ((ObjectNode) entry).putObject("annotations").put(OciDescriptor.REF_NAME, "alpine");
      top.withArray("manifests").add(entry);
    }
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(top));
    try (Image amd64 = open(SourceOptions.DEFAULT.withSelector("alpine"));
        Image arm64 = open(SourceOptions.DEFAULT.withSelector("alpine").withPlatform(Platform.parse("linux/arm64")))) {
      assertThat(amd64.manifestDigest()).isEqualTo(d[2]);
      assertThat(amd64.indexDigest()).isEmpty();
      assertThat(arm64.manifestDigest()).isEqualTo(d[1]);
    }
  }

  @Test
  void reportsAMissingLayerBlobWhenTheLayerIsRead() throws IOException {
    try (Image image = open(SourceOptions.DEFAULT)) {
      Digest layer = image.layers().get(0).descriptor().digest();
      Files.delete(blob(layer.toString()));
      assertThatThrownBy(() -> image.layers().get(0).readEntries(ExtractionLimits.DEFAULT, (e, c) -> { }))
          .isInstanceOf(ImageSourceException.class)
          .hasMessage("blob " + layer + " is missing from " + layout);
    }
  }

  @Test
  void reportsAMissingConfigWhenOpening() throws IOException {
    Digest config;
    try (Image image = open(SourceOptions.DEFAULT)) {
      config = image.configDigest();
    }
    Files.delete(blob(config.toString()));
    assertThatThrownBy(() -> open(SourceOptions.DEFAULT)).hasMessage("blob " + config + " is missing from " + layout);
  }

  @Test
  void detectsATamperedBlob() throws IOException {
    try (Image image = open(SourceOptions.DEFAULT)) {
      Digest config = image.configDigest();
      byte[] bytes = Files.readAllBytes(blob(config.toString()));
      bytes[bytes.length - 2] ^= 1;
      Files.write(blob(config.toString()), bytes);
    }
    assertThatThrownBy(() -> open(SourceOptions.DEFAULT))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageStartingWith("config sha256:")
        .hasMessageContaining(" of " + layout + " does not match its digest: expected sha256:");
  }

  @Test
  void readsAGzippedOciArchiveLikeThePlainOne() throws IOException {
    Path plain = TestData.testdata("images/alpine-3.20.3.oci.tar");
    Path gzipped = layout.resolveSibling(layout.getFileName() + ".oci.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      Files.copy(plain, out);
    }
    ImageSources sources = new ImageSources((ref, o) -> {
      throw new AssertionError("no registry here");
    });
    try (Image fromPlain = sources.open(new ImageLocation.ArchiveFile(plain), SourceOptions.DEFAULT);
        Image fromGzip = sources.open(new ImageLocation.ArchiveFile(gzipped), SourceOptions.DEFAULT)) {
      assertThat(fromGzip.manifestDigest()).isEqualTo(fromPlain.manifestDigest());
      assertThat(fromGzip.layers().get(0).descriptor()).isEqualTo(fromPlain.layers().get(0).descriptor());
    } finally {
      Files.delete(gzipped);
    }
  }

  @Test
  void readsTheLayersOfOneArchiveConcurrently() throws Exception {
    try (Image image = new OciArchiveSource(DEBIAN).open(SourceOptions.DEFAULT.withSelector("debian12-app"));
        ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Long>> counts = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (Layer layer : image.layers().subList(1, 5)) {
          counts.add(pool.submit(() -> {
            AtomicLong entries = new AtomicLong();
            // verified against blob digest and diffID, so interleaved reads would fail here
            layer.readEntries(ExtractionLimits.DEFAULT, (e, c) -> entries.incrementAndGet());
            return entries.get();
          }));
        }
      }
      for (int i = 0; i < 4; i++) {
        assertThat(counts.get(i).get()).isPositive().isEqualTo(counts.get(i + 4).get());
      }
    }
  }

  @Test
  void isRecognisedAsALayoutByItsPath() {
    assertThat(ImageLocation.ofPath(layout)).isEqualTo(new ImageLocation.OciLayoutDirectory(layout));
  }

  @Test
  void reportsWhatIsNotALayout() throws IOException {
    Files.delete(layout.resolve("oci-layout"));
    assertThatThrownBy(() -> open(SourceOptions.DEFAULT))
        .hasMessage(layout + " is not an OCI image layout: " + layout.resolve("oci-layout") + " is missing");
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(layout.resolve("index.json"), "{\"manifests\": [");
    assertThatThrownBy(() -> open(SourceOptions.DEFAULT))
        .hasMessageStartingWith(layout + ": index.json is not valid JSON: ");
  }

  @Test
  void asksForANameWhenTheArchiveHoldsSeveralImages() throws IOException {
    OciArchiveSource source = new OciArchiveSource(DEBIAN);
    assertThatThrownBy(() -> source.open(SourceOptions.DEFAULT))
        .hasMessage(DEBIAN + " holds 3 images; choose one by name: debian12-minbase, debian12, debian12-app");
    assertThatThrownBy(() -> source.open(SourceOptions.DEFAULT.withSelector("debian13")))
        .hasMessage(DEBIAN + " has no image named \"debian13\"; it has: debian12-minbase, debian12, debian12-app");
    try (Image byIndex = source.open(SourceOptions.DEFAULT.withSelector("@2"));
        Image byName = source.open(SourceOptions.DEFAULT.withSelector("debian12-app"))) {
      assertThat(byIndex.layers()).hasSize(5);
      assertThat(byIndex.manifestDigest()).isEqualTo(byName.manifestDigest());
      assertThat(byName.indexDigest()).isEqualTo(Optional.empty());
    }
  }
}
