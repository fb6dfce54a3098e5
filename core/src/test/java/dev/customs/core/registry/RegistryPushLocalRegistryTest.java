package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.testkit.LocalRegistry;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob upload and manifest push against a real registry: straight (the registry answers with an
 * absolute upload {@code Location}) and behind a token service (relative {@code Location}, a token
 * for {@code pull,push}).
 */
class RegistryPushLocalRegistryTest {
  private static final Credentials ALICE = new Credentials("alice", "s3cret");
  private static final byte[] CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DATA = "a blob of bytes\n".getBytes(StandardCharsets.UTF_8);
  private static LocalRegistry registry;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(1, Duration.ofMillis(1));
  }

  /** An OCI manifest naming the two blobs, as registries require them to exist before it. */
  private static byte[] manifest() {
    return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
        + "\"artifactType\":\"application/x.test\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + Digest.sha256(CONFIG)
        + "\",\"size\":2},\"layers\":[{\"mediaType\":\"application/x.test.layer\",\"digest\":\"" + Digest.sha256(DATA)
        + "\",\"size\":" + DATA.length + "}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static void pushAndReadBack(RegistryClient client, String repository) throws Exception {
    assertThat(client.pushBlob(repository, Digest.sha256(CONFIG), HttpRequest.BodyPublishers.ofByteArray(CONFIG)))
        .isTrue();
    assertThat(client.pushBlob(repository, Digest.sha256(DATA), HttpRequest.BodyPublishers.ofByteArray(DATA)))
        .isTrue();
    assertThat(client.pushBlob(repository, Digest.sha256(DATA), HttpRequest.BodyPublishers.ofByteArray(DATA)))
        .as("the HEAD check finds the blob pushed before").isFalse();
    Digest pushed = client.pushManifest(repository, "1", MediaTypes.OCI_MANIFEST, manifest());

    FetchedManifest fetched = client.fetchManifest(repository, "1");
    assertThat(fetched.bytes()).isEqualTo(manifest());
    assertThat(fetched.digest()).isEqualTo(pushed);
    assertThat(fetched.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    try (InputStream in = client.openBlob(repository, Digest.sha256(DATA), DATA.length)) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
  }

  @Test
  void blobsAndAManifestGoUpWithTheRegistrysAbsoluteUploadLocation() throws Exception {
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      pushAndReadBack(client, "push/direct");
    }
    assertThat(registry.inspectRaw("push/direct:1")).isEqualTo(new String(manifest(), StandardCharsets.UTF_8));
  }

  @Test
  void behindATokenServiceTheTokenIsAskedForPullAndPushAndARelativeLocationIsFollowed() throws Exception {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 300);
        RegistryClient client = RegistryClient.create(proxy.host(),
            options().withInsecureHost(proxy.host()).withCredentials(proxy.host(), ALICE))) {
      pushAndReadBack(client, "push/token");
      assertThat(proxy.tokenQueries()).containsExactly(
          "service=customs-test&scope=repository%3Apush%2Ftoken%3Apull%2Cpush",
          "service=customs-test&scope=repository%3Apush%2Ftoken%3Apull");
    }
  }

  @Test
  void contentNotMatchingItsDigestIsRefusedByTheRegistry() throws Exception {
    Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      assertThatThrownBy(() -> client.pushBlob("push/bad", claimed, HttpRequest.BodyPublishers.ofByteArray(DATA)))
          .isInstanceOf(RegistryException.class)
          .hasMessageStartingWith("failed to push blob " + registry.host() + "/push/bad@" + claimed
              + ": unexpected HTTP status 400 (DIGEST_INVALID: provided digest did not match uploaded content)");
    }
  }

  @Test
  void aManifestNamingMissingBlobsIsRefusedByTheRegistry() throws Exception {
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      assertThatThrownBy(() -> client.pushManifest("push/missing", "1", MediaTypes.OCI_MANIFEST, manifest()))
          .isInstanceOf(RegistryException.class)
          .hasMessageStartingWith("failed to push manifest " + registry.host()
              + "/push/missing:1: unexpected HTTP status 400"
              + " (MANIFEST_BLOB_UNKNOWN: blob unknown to registry)");
    }
  }
}
