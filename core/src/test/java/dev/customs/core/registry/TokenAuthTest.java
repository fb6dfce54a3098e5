package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker token protocol, with a token service in front of a real registry. */
class TokenAuthTest {
  private static final Credentials ALICE = new Credentials("alice", "s3cret");
  private static LocalRegistry registry;
  private static Digest pushed;

  @TempDir
  Path temp;

  @BeforeAll
  static void pushImage() {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:1");
    pushed = Digest.sha256(registry.inspectRaw("demo/alpine:1").getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private RegistryOptions options(TokenProxy proxy, Credentials credentials) {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(1, Duration.ofMillis(1))
        .withInsecureHost(proxy.host()).withCredentials(proxy.host(), credentials);
  }

  @Test
  void oneTokenServesManifestConfigAndBlobsUntilItExpires() throws IOException {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 300);
        Image image = new RegistryImageSource(options(proxy, ALICE))
            .open(ImageRef.parse(proxy.host() + "/demo/alpine:1"), Platform.LINUX_AMD64)) {
      Layer layer = image.layers().getFirst();
      try (InputStream in = layer.openBlob()) {
        assertThat(Digest.sha256(in)).isEqualTo(layer.descriptor().digest());
      }
      assertThat(image.manifestDigest()).isEqualTo(pushed);
      assertThat(proxy.tokenQueries()).containsExactly("service=customs-test&scope=repository%3Ademo%2Falpine%3Apull");
    }
  }

  @Test
  void aRevokedTokenIsReplacedOnTheNext401() throws IOException {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 300);
        RegistryClient client = RegistryClient.create(proxy.host(), options(proxy, ALICE))) {
      assertThat(client.fetchManifest("demo/alpine", "1").digest()).isEqualTo(pushed);
      proxy.revokeAll();
      assertThat(client.fetchManifest("demo/alpine", "1").digest()).isEqualTo(pushed);
      assertThat(proxy.tokenQueries()).hasSize(2);
    }
  }

  @Test
  void anExpiredTokenIsRenewedBeforeItIsSent() throws IOException, InterruptedException {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 1);
        RegistryClient client = RegistryClient.create(proxy.host(), options(proxy, ALICE))) {
      client.fetchManifest("demo/alpine", "1");
      client.fetchManifest("demo/alpine", "1");
      assertThat(proxy.tokenQueries()).hasSize(1);
      Thread.sleep(1000);
      client.fetchManifest("demo/alpine", "1");
      assertThat(proxy.tokenQueries()).hasSize(2);
    }
  }

  @Test
  void wrongPasswordAtTheTokenServiceIsNamed() throws IOException {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 300);
        RegistryClient client = RegistryClient.create(proxy.host(), options(proxy, new Credentials("alice", "nope")))) {
      assertThatThrownBy(() -> client.fetchManifest("demo/alpine", "1"))
          .isInstanceOf(RegistryException.class)
          .hasMessage("failed to fetch token for " + proxy.host() + " at http://" + proxy.host() + "/token: 401"
              + " unauthorized (check --username/--password or docker login) (incorrect username or password)");
    }
  }

  @Test
  void identityTokenFromDockerConfigIsExchangedWithOAuth() throws IOException {
    try (TokenProxy proxy = new TokenProxy(registry.url(), ALICE, 300)) {
      Files.writeString(temp.resolve("config.json"),
          "{\"auths\":{\"" + proxy.host() + "\":{\"identitytoken\":\"" + proxy.identityToken() + "\"}}}");
      RegistryOptions options = RegistryOptions.defaults().withDockerConfig(temp, List.of())
          .withRetries(1, Duration.ofMillis(1)).withInsecureHost(proxy.host());
      try (RegistryClient client = RegistryClient.create(proxy.host(), options)) {
        assertThat(client.fetchManifest("demo/alpine", "1").digest()).isEqualTo(pushed);
      }
      assertThat(proxy.tokenQueries()).containsExactly("POST service=customs-test&scope=repository%3Ademo%2Falpine%3Apull"
          + "&grant_type=refresh_token&client_id=customs&refresh_token=" + proxy.identityToken());
    }
  }
}
