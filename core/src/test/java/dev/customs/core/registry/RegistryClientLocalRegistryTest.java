package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.ImageSourceException;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against a real registry (CNCF distribution) holding the shared test images pushed by
 * skopeo; what the client reads must be byte for byte what skopeo reads.
 */
class RegistryClientLocalRegistryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TAGS = List.of("t1", "t2", "t3", "t4", "t5");
  private static LocalRegistry registry;

  @TempDir
  static Path temp;

  @BeforeAll
  static void pushImages() {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:3.20.3");
    registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12-app", "demo/debian-app:1");
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/multi:amd");
    registry.push(TestData.testdata("images/distroless-debian12.oci.tar"), null, "demo/multi:arm");
    registry.pushAsDockerV2(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/docker:amd");
    registry.pushAsDockerV2(TestData.testdata("images/distroless-debian12.oci.tar"), null, "demo/docker:arm");
    for (String tag : TAGS) {
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/tags:" + tag);
    }
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private static RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(2, Duration.ofMillis(10));
  }

  private static ImageRef ref(String repositoryAndTag) {
    return ImageRef.parse(registry.host() + "/" + repositoryAndTag);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo/alpine:3.20.3", "demo/debian-app:1"})
  void manifestConfigAndLayersAreWhatSkopeoSees(String repositoryAndTag) throws IOException {
    String skopeoManifest = registry.inspectRaw(repositoryAndTag);
    String skopeoConfig = registry.inspectRawConfig(repositoryAndTag);
    JsonNode manifestJson = JSON.readTree(skopeoManifest);
    List<Digest> skopeoLayers = new ArrayList<>();
    manifestJson.path("layers").forEach(l -> skopeoLayers.add(Digest.parse(l.path("digest").asText())));
    List<Digest> skopeoDiffIds = new ArrayList<>();
    JSON.readTree(skopeoConfig).path("rootfs").path("diff_ids").forEach(d -> skopeoDiffIds.add(Digest.parse(d.asText())));

    try (Image image = new RegistryImageSource(options()).open(ref(repositoryAndTag), Platform.LINUX_AMD64)) {
      assertThat(new String(image.rawManifest(), StandardCharsets.UTF_8)).isEqualTo(skopeoManifest);
      assertThat(image.manifestDigest()).isEqualTo(Digest.sha256(skopeoManifest.getBytes(StandardCharsets.UTF_8)));
      // umoci writes no mediaType field, so it comes from the registry's Content-Type
      assertThat(image.manifestMediaType()).isEqualTo(manifestJson.path("mediaType").asText(MediaTypes.OCI_MANIFEST));
      assertThat(image.indexDigest()).isEmpty();
      assertThat(new String(image.rawConfig(), StandardCharsets.UTF_8)).isEqualTo(skopeoConfig);
      assertThat(image.configDigest()).isEqualTo(Digest.sha256(skopeoConfig.getBytes(StandardCharsets.UTF_8)));
      assertThat(image.layers()).extracting(l -> l.descriptor().digest()).isEqualTo(skopeoLayers);
      assertThat(image.layers()).extracting(l -> l.descriptor().diffId()).isEqualTo(skopeoDiffIds);
      assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
    }
  }

  @Test
  void layerBlobsStreamWithTheirDigestAndSize() throws IOException {
    try (Image image = new RegistryImageSource(options()).open(ref("demo/debian-app:1"), Platform.LINUX_AMD64)) {
      assertThat(image.layers()).hasSize(5);
      for (Layer layer : image.layers()) {
        try (InputStream in = layer.openBlob()) {
          byte[] blob = in.readAllBytes();
          assertThat(blob).hasSize((int) layer.descriptor().size());
          assertThat(Digest.sha256(blob)).isEqualTo(layer.descriptor().digest());
        }
      }
    }
  }

  @Test
  void prefetchDownloadsEveryLayerVerifiedInParallel() throws IOException {
    try (Image image = new RegistryImageSource(options()).open(ref("demo/debian-app:1"), Platform.LINUX_AMD64)) {
      Map<Digest, Path> files = new BlobPrefetcher(3).download(image.layers(), temp.resolve("blobs"));

      assertThat(files.keySet()).containsExactlyElementsOf(image.layers().stream().map(l -> l.descriptor().digest()).toList());
      for (Map.Entry<Digest, Path> e : files.entrySet()) {
        try (InputStream in = Files.newInputStream(e.getValue())) {
          assertThat(Digest.sha256(in)).isEqualTo(e.getKey());
        }
      }
    }
  }

  @Test
  void indexIsResolvedToTheWantedPlatform() throws IOException {
    String amd = registry.inspectRaw("demo/multi:amd");
    String arm = registry.inspectRaw("demo/multi:arm");
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + entry(amd, "\"os\":\"linux\",\"architecture\":\"amd64\"") + ","
        + entry(arm, "\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"") + "]}")
        .getBytes(StandardCharsets.UTF_8);
    String indexDigest = registry.putManifest("demo/multi", "both", MediaTypes.OCI_INDEX, index);
    RegistryImageSource source = new RegistryImageSource(options());

    try (Image image = source.open(ref("demo/multi:both"), Platform.parse("linux/arm64"))) {
      assertThat(image.indexDigest()).contains(Digest.parse(indexDigest));
      assertThat(image.indexDigest()).contains(Digest.sha256(index));
      assertThat(image.manifestDigest()).isEqualTo(Digest.sha256(arm.getBytes(StandardCharsets.UTF_8)));
    }
    try (Image image = source.open(ref("demo/multi:both"), Platform.LINUX_AMD64)) {
      assertThat(image.manifestDigest()).isEqualTo(Digest.sha256(amd.getBytes(StandardCharsets.UTF_8)));
      assertThat(image.layers()).hasSize(1);
    }
    assertThatThrownBy(() -> source.open(ref("demo/multi:both"), Platform.parse("linux/s390x")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("failed to resolve platform of " + registry.host() + "/demo/multi:both: no manifest for"
            + " linux/s390x in the index (available: linux/amd64, linux/arm64/v8)");
  }

  @Test
  void dockerManifestListOfDockerV2ManifestsIsResolved() throws IOException {
    String amd = registry.inspectRaw("demo/docker:amd");
    String arm = registry.inspectRaw("demo/docker:arm");
    String armConfig = registry.inspectRawConfig("demo/docker:arm");
    byte[] list = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_LIST + "\",\"manifests\":["
        + entry(amd, MediaTypes.DOCKER_MANIFEST, "\"os\":\"linux\",\"architecture\":\"amd64\"") + ","
        + entry(arm, MediaTypes.DOCKER_MANIFEST, "\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"") + "]}")
        .getBytes(StandardCharsets.UTF_8);
    registry.putManifest("demo/docker", "list", MediaTypes.DOCKER_LIST, list);

    try (Image image = new RegistryImageSource(options()).open(ref("demo/docker:list"), Platform.parse("linux/arm/v7"))) {
      assertThat(image.indexDigest()).contains(Digest.sha256(list));
      assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
      assertThat(new String(image.rawManifest(), StandardCharsets.UTF_8)).isEqualTo(arm);
      assertThat(new String(image.rawConfig(), StandardCharsets.UTF_8)).isEqualTo(armConfig);
      assertThat(image.layers()).singleElement().satisfies(l -> assertThat(l.descriptor().mediaType())
          .isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip"));
    }
  }

  private static String entry(String manifest, String platform) {
    return entry(manifest, MediaTypes.OCI_MANIFEST, platform);
  }

  private static String entry(String manifest, String mediaType, String platform) {
    byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256(bytes)
        + "\",\"size\":" + bytes.length + ",\"platform\":{" + platform + "}}";
  }

  @Test
  void imagesCanBeOpenedByDigest() throws IOException {
    Digest digest = Digest.sha256(registry.inspectRaw("demo/alpine:3.20.3").getBytes(StandardCharsets.UTF_8));
    try (Image image = new RegistryImageSource(options()).open(ref("demo/alpine@" + digest), Platform.LINUX_AMD64)) {
      assertThat(image.manifestDigest()).isEqualTo(digest);
    }
  }

  /** distribution 2.8 ignores {@code n} for tags (pages come in v3; see PaginationTest), so one page. */
  @Test
  void tagsAreWhatSkopeoLists() throws IOException {
    JsonNode skopeo = JSON.readTree(registry.listTags("demo/tags"));
    List<String> skopeoTags = new ArrayList<>();
    skopeo.path("Tags").forEach(t -> skopeoTags.add(t.asText()));
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      assertThat(client.listTags("demo/tags", 2)).containsExactlyElementsOf(skopeoTags).containsExactlyInAnyOrderElementsOf(TAGS);
    }
  }

  @Test
  void repositoriesAreListedAcrossPages() throws IOException {
    List<String> expected = List.of("demo/alpine", "demo/debian-app", "demo/docker", "demo/multi", "demo/tags");
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      assertThat(client.listRepositories(1)).containsExactlyElementsOf(expected);
      assertThat(client.listRepositories(3)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void unknownTagNamesTheImageAndTheRegistryError() {
    assertThatThrownBy(() -> new RegistryImageSource(options()).open(ref("demo/alpine:nope"), Platform.LINUX_AMD64))
        .isInstanceOf(RegistryException.class)
        .hasMessage("failed to fetch manifest " + registry.host() + "/demo/alpine:nope: 404 not found"
            + " (MANIFEST_UNKNOWN: manifest unknown)");
  }

  @Test
  void explicitPlatformMustMatchASinglePlatformImage() throws IOException {
    SourceOptions arm = SourceOptions.DEFAULT.withPlatform(Platform.parse("linux/arm64"));
    assertThatThrownBy(() -> new RegistryImageSource(options()).open(ref("demo/alpine:3.20.3"), arm))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage(registry.host() + "/demo/alpine:3.20.3 is linux/amd64, not the requested linux/arm64");
    try (Image any = new RegistryImageSource(options()).open(ref("demo/alpine:3.20.3"), SourceOptions.DEFAULT)) {
      assertThat(any.platform()).isEqualTo(Platform.LINUX_AMD64);
    }
  }
}
