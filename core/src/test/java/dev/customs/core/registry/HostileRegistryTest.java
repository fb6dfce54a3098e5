package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.RegistryImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against registries that lie, stall, drop connections or rate-limit. */
class HostileRegistryTest {
  private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
      + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
      + "a".repeat(64) + "\",\"size\":2},\"layers\":[]}";
  private static final byte[] MANIFEST_BYTES = MANIFEST.getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path temp;
  private FakeRegistry fake;
  private RegistryClient client;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeRegistry();
    client = RegistryClient.create(fake.host(), options());
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(3, Duration.ofMillis(10))
        .withInsecureHost(fake.host());
  }

  @Test
  void blobWhoseContentDoesNotMatchItsDigestFailsAtTheEnd() throws IOException {
    byte[] promised = "the real layer".getBytes(StandardCharsets.UTF_8);
    byte[] served = "a forged layer".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(promised);
    fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> FakeRegistry.send(ex, 200, "application/octet-stream", served));

    try (InputStream in = client.openBlob("demo/app", digest, promised.length)) {
      assertThatThrownBy(in::readAllBytes)
          .hasMessage("blob " + fake.host() + "/demo/app@" + digest + " does not match its digest: expected "
              + digest + ", got " + Digest.sha256(served));
    }
  }

  @Test
  void blobLongerThanDeclaredIsCutShort() throws IOException {
    byte[] served = new byte[100];
    Digest digest = Digest.sha256(served);
    fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> FakeRegistry.send(ex, 200, null, served));

    try (InputStream in = client.openBlob("demo/app", digest, 10)) {
      assertThatThrownBy(in::readAllBytes).hasMessageContaining("is longer than the 10 bytes its descriptor declares");
    }
  }

  @Test
  void connectionClosedMidBlobNamesTheBlobAndHowFarItGot() throws IOException {
    byte[] blob = new byte[64 * 1024];
    Arrays.fill(blob, (byte) 7);
    Digest digest = Digest.sha256(blob);
    fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> {
      ex.sendResponseHeaders(200, blob.length);
      OutputStream out = ex.getResponseBody();
      out.write(blob, 0, 1000);
      out.flush();
      throw new IOException("dropping the connection on purpose");
    });

    try (InputStream in = client.openBlob("demo/app", digest, blob.length)) {
      assertThatThrownBy(in::readAllBytes)
          .hasMessageStartingWith("blob " + fake.host() + "/demo/app@" + digest)
          .hasMessageMatching("(?s).*(after 1000 of 65536 bytes|is 1000 bytes, not the 65536 bytes).*");
    }
  }

  @Test
  void manifestOverTheSizeLimitIsRefused() {
    byte[] huge = new byte[5 << 20];
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> FakeRegistry.send(ex, 200, MediaTypes.OCI_MANIFEST, huge));

    assertThatThrownBy(() -> client.fetchManifest("demo/app", "1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app:1: manifest is 5242880 bytes, over the"
            + " limit of 4194304 bytes (a manifest that large is broken or hostile)");
  }

  @Test
  void manifestOverTheSizeLimitWithoutContentLengthIsRefused() {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> {
      ex.sendResponseHeaders(200, 0); // chunked: the size is only known by reading
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[5 << 20]);
      }
    });

    assertThatThrownBy(() -> client.fetchManifest("demo/app", "1"))
        .hasMessageContaining("manifest is more than 4194304 bytes, over the limit of 4194304 bytes");
  }

  @Test
  void manifestFetchedByDigestMustHaveThatDigest() {
    Digest asked = Digest.sha256("another manifest".getBytes(StandardCharsets.UTF_8));
    fake.on("/v2/demo/app/manifests/" + asked, (ex, hit) -> FakeRegistry.send(ex, 200, MediaTypes.OCI_MANIFEST, MANIFEST_BYTES));

    assertThatThrownBy(() -> client.fetchManifest("demo/app", asked.toString()))
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app@" + asked + ": manifest content has digest "
            + Digest.sha256(MANIFEST_BYTES) + " but " + asked + " was asked for");
  }

  @Test
  void rateLimitedRequestWaitsForRetryAfterThenSucceeds() throws IOException {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> {
      if (hit == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        FakeRegistry.send(ex, 429, "application/json", "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}".getBytes());
      } else {
        FakeRegistry.send(ex, 200, MediaTypes.OCI_MANIFEST, MANIFEST_BYTES);
      }
    });

    long start = System.nanoTime();
    FetchedManifest manifest = client.fetchManifest("demo/app", "1");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(manifest.digest()).isEqualTo(Digest.sha256(MANIFEST_BYTES));
    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws IOException {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> {
      if (hit < 3) {
        FakeRegistry.send(ex, hit == 1 ? 502 : 503, "text/plain", "try later".getBytes());
      } else {
        FakeRegistry.send(ex, 200, MediaTypes.OCI_MANIFEST, MANIFEST_BYTES);
      }
    });

    assertThat(client.fetchManifest("demo/app", "1").digest()).isEqualTo(Digest.sha256(MANIFEST_BYTES));
    assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/manifests/1")).hasSize(3);
  }

  @Test
  void persistentServerErrorsGiveUpAfterTheLastAttempt() {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> FakeRegistry.send(ex, 503, "text/plain", "down".getBytes()));

    assertThatThrownBy(() -> client.fetchManifest("demo/app", "1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app:1: 503 service unavailable (down),"
            + " gave up after 3 attempts")
        .extracting(e -> ((RegistryException) e).status()).isEqualTo(503);
  }

  @Test
  void missingManifestCarriesTheRegistryErrorCode() {
    fake.on("/v2/demo/app/manifests/nope", (ex, hit) -> FakeRegistry.send(ex, 404, "application/json",
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes()));

    assertThatThrownBy(() -> client.fetchManifest("demo/app", "nope"))
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app:nope: 404 not found"
            + " (MANIFEST_UNKNOWN: manifest unknown)");
  }

  @Test
  void schema1ManifestIsRejectedWithAClearMessage() {
    byte[] schema1 = "{\"schemaVersion\":1,\"name\":\"demo/app\",\"tag\":\"1\",\"fsLayers\":[],\"history\":[]}"
        .getBytes(StandardCharsets.UTF_8);
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> FakeRegistry.send(ex, 200, MediaTypes.DOCKER_SCHEMA1_SIGNED, schema1));

    assertThatThrownBy(() -> new RegistryImageSource(options()).open(ImageRef.parse(fake.host() + "/demo/app:1"),
        Platform.LINUX_AMD64))
        .isInstanceOf(RegistryException.class)
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app:1: Docker schema 1 manifests are not"
            + " supported (deprecated since 2017); push the image again with a current docker or skopeo");
  }

  @Test
  void redirectToAnotherHostDoesNotCarryTheCredentials() throws IOException {
    byte[] blob = "layer bytes in blob storage".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(blob);
    try (FakeRegistry storage = new FakeRegistry();
        RegistryClient authed = RegistryClient.create(fake.host(),
            options().withCredentials(fake.host(), new dev.customs.core.registry.auth.Credentials("alice", "secret")))) {
      storage.on("/bucket/blob", (ex, hit) -> FakeRegistry.send(ex, 200, null, blob));
      fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> {
        if (ex.getRequestHeaders().getFirst("Authorization") == null) {
          ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake\"");
          FakeRegistry.send(ex, 401, "application/json", new byte[0]);
        } else {
          ex.getResponseHeaders().set("Location", "http://" + storage.host() + "/bucket/blob?sig=abc");
          FakeRegistry.send(ex, 307, null, new byte[0]);
        }
      });

      try (InputStream in = authed.openBlob("demo/app", digest, blob.length)) {
        assertThat(in.readAllBytes()).isEqualTo(blob);
      }
      assertThat(fake.requests()).last().extracting(r -> r.authorization().orElse(""))
          .isEqualTo(new dev.customs.core.registry.auth.Credentials("alice", "secret").basicHeader());
      assertThat(storage.requests()).singleElement().satisfies(r -> assertThat(r.authorization()).isEmpty());
    }
  }

  @Test
  void unreachableRegistryIsRetriedThenNamed() throws IOException {
    String gone = fake.host();
    fake.close();
    try (RegistryClient dead = RegistryClient.create(gone, options())) {
      assertThatThrownBy(() -> dead.listTags("demo/app"))
          .isInstanceOf(RegistryException.class)
          .hasMessageStartingWith("failed to list tags of " + gone + "/demo/app: connection failed (after 3 attempts): ");
    }
  }

  @Test
  void aRegistryThatDoesNotAnswerTimesOut() throws IOException {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FakeRegistry.send(ex, 200, MediaTypes.OCI_MANIFEST, MANIFEST_BYTES);
    });
    try (RegistryClient impatient = RegistryClient.create(fake.host(),
        options().withRetries(2, Duration.ofMillis(1)).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)))) {
      assertThatThrownBy(() -> impatient.fetchManifest("demo/app", "1"))
          .hasMessageStartingWith("failed to fetch manifest " + fake.host() + "/demo/app:1: timed out (after 2 attempts): ");
    }
  }

  @Test
  void aBlobThatStallsMidwayTimesOutInsteadOfHanging() throws IOException {
    byte[] blob = new byte[4096];
    Digest digest = Digest.sha256(blob);
    fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> {
      ex.sendResponseHeaders(200, blob.length);
      OutputStream out = ex.getResponseBody();
      out.write(blob, 0, 1000);
      out.flush();
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("gave up stalling");
    });
    try (RegistryClient impatient = RegistryClient.create(fake.host(),
        options().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400)));
        InputStream in = impatient.openBlob("demo/app", digest, blob.length)) {
      long start = System.nanoTime();
      assertThatThrownBy(in::readAllBytes)
          .hasMessage("blob " + fake.host() + "/demo/app@" + digest + ": reading failed after 1000 of 4096 bytes:"
              + " no data received for 400 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }
  }

  @Test
  void aRedirectToANonHttpUrlIsRefused() {
    fake.on("/v2/demo/app/manifests/1", (ex, hit) -> {
      ex.getResponseHeaders().set("Location", "file:///etc/passwd");
      FakeRegistry.send(ex, 302, null, new byte[0]);
    });
    assertThatThrownBy(() -> client.fetchManifest("demo/app", "1"))
        .hasMessage("failed to fetch manifest " + fake.host() + "/demo/app:1: invalid URL \"file:///etc/passwd\":"
            + " not an http(s) URL");
  }
}
