package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.registry.MediaTypes;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing a bundle to a real registry and pulling it back, as skopeo and the client see it. */
class BundleArtifactLocalRegistryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRegistry registry;
  private static LocalRegistry authRegistry;

  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path bundle;
  private static BundleMetadata built;

  @BeforeAll
  static void buildAndStart() throws Exception {
    bundle = shared.resolve("published").resolve("customs.db");
    BuildReport report = new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(
        List.of(new FeedSpec("kev", TestData.testdata("vulndata/kev").toString())), bundle);
    built = BundleVerifier.verify(bundle, report.sha256());
    registry = LocalRegistry.start();
    authRegistry = LocalRegistry.startWithAuth("alice", "s3cret");
  }

  @AfterAll
  static void stop() {
    registry.close();
    authRegistry.close();
  }

  private RegistryClient client(LocalRegistry where, Credentials credentials) throws Exception {
    RegistryOptions options = RegistryOptions.defaults().withDockerConfig(dir, List.of(dir))
        .withRetries(1, Duration.ofMillis(1));
    if (credentials != null) {
      options = options.withCredentials(where.host(), credentials);
    }
    return RegistryClient.create(where.host(), options);
  }

  private BundleMetadata pushAndPull(LocalRegistry where, Credentials credentials, String repoTag, Path target)
      throws Exception {
    BundleReference ref = BundleReference.parse("oci://" + where.host() + "/" + repoTag);
    try (RegistryClient client = client(where, credentials)) {
      BundleArtifact artifact = new BundleArtifact(client, Clock.fixed(NOW, ZoneOffset.UTC));
      artifact.push(bundle, ref);
      return artifact.pull(ref, target);
    }
  }

  @Test
  void thePushedManifestIsAnOciArtifactWithTheBundleAsItsLayer() throws Exception {
    Path pulled = dir.resolve("cache").resolve("customs.db");
    pushAndPull(registry, null, "security/customs-db:latest", pulled);

    JsonNode manifest = JSON.readTree(registry.inspectRaw("security/customs-db:latest"));
    assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(manifest.path("artifactType").asText()).isEqualTo("application/vnd.customs.vulndb.v1");
    assertThat(manifest.path("config").path("mediaType").asText()).isEqualTo("application/vnd.oci.empty.v1+json");
    assertThat(manifest.path("config").path("digest").asText())
        .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    JsonNode layer = manifest.path("layers").get(0);
    assertThat(manifest.path("layers").size()).isEqualTo(1);
    assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.customs.vulndb.layer.v1.sqlite");
    assertThat(layer.path("digest").asText()).isEqualTo("sha256:" + built.sha256());
    assertThat(layer.path("size").asLong()).isEqualTo(Files.size(bundle));
    JsonNode annotations = manifest.path("annotations");
    assertThat(annotations.path("org.opencontainers.image.title").asText()).isEqualTo("customs.db");
    assertThat(annotations.path("org.opencontainers.image.created").asText()).isEqualTo(NOW.toString());
    assertThat(annotations.path("dev.customs.vulndb.sha256").asText()).isEqualTo(built.sha256());
    assertThat(annotations.path("dev.customs.vulndb.built").asText()).isEqualTo(built.builtAt().toString());
    assertThat(annotations.path("dev.customs.vulndb.schema-version").asInt()).isEqualTo(built.schemaVersion());
  }

  @Test
  void thePulledBundleIsInstalledWithTheOriginalChecksum() throws Exception {
    Path pulled = dir.resolve("cache").resolve("customs.db");
    BundleMetadata meta = pushAndPull(registry, null, "security/customs-db:roundtrip", pulled);

    assertThat(meta.sha256()).isEqualTo(built.sha256());
    assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(bundle));
    assertThat(BundleChecksum.verify(pulled)).isEqualTo(built.sha256());
    try (VulnDb db = VulnDb.open(pulled)) {
      assertThat(db.kev("CVE-2021-44228")).isPresent();
    }
    assertThat(Files.list(pulled.getParent()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
  }

  @Test
  void aBundleMirroredWithSkopeoThroughAnOciLayoutPullsFromTheMirror() throws Exception {
    Path pulled = dir.resolve("site").resolve("customs.db");
    pushAndPull(registry, null, "security/source:1", dir.resolve("first.db"));
    // What an air-gapped site does: copy to a directory, carry it across, copy into its registry.
    Path layout = dir.resolve("carried");
    skopeo("docker://" + registry.host() + "/security/source:1", "oci:" + layout + ":db");
    skopeo("oci:" + layout + ":db", "docker://" + registry.host() + "/mirror/customs-db:1");

    BundleReference mirror = BundleReference.parse("oci://" + registry.host() + "/mirror/customs-db:1");
    try (RegistryClient client = client(registry, null)) {
      assertThat(new BundleArtifact(client, Clock.systemUTC()).pull(mirror, pulled).sha256()).isEqualTo(built.sha256());
    }
    assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(bundle));
  }

  private static void skopeo(String from, String to) throws Exception {
    Process process = new ProcessBuilder("skopeo", "copy", "--quiet", "--src-tls-verify=false",
        "--dest-tls-verify=false", from, to).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("skopeo copy %s %s: %s", from, to, output).isZero();
  }

  @Test
  void pushingAgainSendsNoBlobTwiceAndYieldsTheSameLayer() throws Exception {
    BundleReference ref = BundleReference.parse("oci://" + registry.host() + "/security/again:1");
    try (RegistryClient client = client(registry, null)) {
      new BundleArtifact(client, Clock.fixed(NOW, ZoneOffset.UTC)).push(bundle, ref);
      assertThat(client.pushBlob(ref.repository(), new Digest("sha256", built.sha256()),
          HttpRequest.BodyPublishers.noBody())).isFalse();
      Digest second = new BundleArtifact(client, Clock.fixed(NOW, ZoneOffset.UTC)).push(bundle, ref);
      assertThat(second).isEqualTo(Digest.sha256(registry.inspectRaw("security/again:1")
          .getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void basicAuthWithTheRightPasswordPushesAndPulls() throws Exception {
    Path pulled = dir.resolve("cache").resolve("customs.db");
    BundleMetadata meta = pushAndPull(authRegistry, new Credentials("alice", "s3cret"), "security/db:1", pulled);
    assertThat(meta.sha256()).isEqualTo(built.sha256());
  }

  @Test
  void aWrongPasswordIsRefusedWithTheRegistrysAnswer() throws Exception {
    BundleReference ref = BundleReference.parse("oci://" + authRegistry.host() + "/security/db:2");
    try (RegistryClient client = client(authRegistry, new Credentials("alice", "wrong"))) {
      assertThatThrownBy(() -> new BundleArtifact(client, Clock.systemUTC()).push(bundle, ref))
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("cannot push " + bundle + " to " + ref)
          .hasMessageContaining("401 unauthorized (check --username/--password or docker login)");
    }
  }

  @Test
  void aTagHoldingAContainerImageIsRefusedAndTheInstalledBundleKept() throws Exception {
    Path installed = dir.resolve("cache").resolve("customs.db");
    BundleInstaller.install(bundle, installed);
    byte[] before = Files.readAllBytes(installed);
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "security/image:1");
    BundleReference ref = BundleReference.parse("oci://" + registry.host() + "/security/image:1");

    try (RegistryClient client = client(registry, null)) {
      assertThatThrownBy(() -> new BundleArtifact(client, Clock.systemUTC()).pull(ref, installed))
          .isInstanceOf(BundleException.class)
          .hasMessage(ref + " holds an OCI image (config application/vnd.oci.image.config.v1+json), not a Customs"
              + " vulnerability bundle (artifactType application/vnd.customs.vulndb.v1); refusing to install it");
    }
    assertThat(Files.readAllBytes(installed)).isEqualTo(before);
    assertThat(Files.list(installed.getParent()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
  }

  @Test
  void anArtifactWhoseLayerIsNoBundleIsRefusedByTheInstallerAndTheInstalledBundleKept() throws Exception {
    Path installed = dir.resolve("cache").resolve("customs.db");
    BundleInstaller.install(bundle, installed);
    byte[] before = Files.readAllBytes(installed);
    byte[] junk = "not a SQLite file".getBytes(StandardCharsets.UTF_8);
    BundleReference ref = BundleReference.parse("oci://" + registry.host() + "/security/junk:1");
    String manifest = ("{'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json',"
        + "'artifactType':'application/vnd.customs.vulndb.v1',"
        + "'config':{'mediaType':'application/vnd.oci.empty.v1+json',"
        + "'digest':'" + Digest.sha256(BundleArtifact.EMPTY_CONFIG) + "','size':2},'layers':[{'mediaType':"
        + "'application/vnd.customs.vulndb.layer.v1.sqlite','digest':'" + Digest.sha256(junk) + "','size':"
        + junk.length + "}]}").replace('\'', '"');

    try (RegistryClient client = client(registry, null)) {
      client.pushBlob(ref.repository(), Digest.sha256(BundleArtifact.EMPTY_CONFIG),
          HttpRequest.BodyPublishers.ofByteArray(BundleArtifact.EMPTY_CONFIG));
      client.pushBlob(ref.repository(), Digest.sha256(junk), HttpRequest.BodyPublishers.ofByteArray(junk));
      client.pushManifest(ref.repository(), ref.tag(), MediaTypes.OCI_MANIFEST,
          manifest.getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> new BundleArtifact(client, Clock.systemUTC()).pull(ref, installed))
          .isInstanceOf(BundleException.class)
          .hasMessageStartingWith("the bundle pulled from " + ref + " is refused, " + installed + " is unchanged: ")
          .hasMessageContaining("is not a readable SQLite bundle");
    }
    assertThat(Files.readAllBytes(installed)).isEqualTo(before);
    assertThat(Files.list(installed.getParent()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
  }

  @Test
  void aMissingTagNamesTheRegistrysAnswer() throws Exception {
    BundleReference ref = BundleReference.parse("oci://" + registry.host() + "/security/none:1");
    try (RegistryClient client = client(registry, null)) {
      assertThatThrownBy(() -> new BundleArtifact(client, Clock.systemUTC()).pull(ref, dir.resolve("x.db")))
          .isInstanceOf(BundleException.class)
          .hasMessageStartingWith("cannot pull " + ref + ": failed to fetch manifest " + registry.host()
              + "/security/none:1: 404");
    }
  }
}
