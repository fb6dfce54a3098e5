package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real registry over HTTPS with a self-signed certificate: trusted only through its CA file. */
class RegistryTlsLocalRegistryTest {
  private static LocalRegistry registry;

  @TempDir
  Path temp;

  @BeforeAll
  static void pushImage() {
    registry = LocalRegistry.startWithTls();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:1");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(2, Duration.ofMillis(1));
  }

  @Test
  void customCaMakesTheRegistryTrusted() throws IOException {
    String skopeo = registry.inspectRaw("demo/alpine:1");
    try (RegistryClient client = RegistryClient.create(registry.host(),
        options().withCaFile(registry.host(), registry.caCertificate()))) {
      FetchedManifest manifest = client.fetchManifest("demo/alpine", "1");
      assertThat(manifest.digest()).isEqualTo(Digest.sha256(skopeo.getBytes(StandardCharsets.UTF_8)));
      assertThat(client.listTags("demo/alpine")).containsExactly("1");
    }
  }

  @Test
  void withoutTheCaTheCertificateIsRejectedNotBypassed() throws IOException {
    try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
      assertThatThrownBy(() -> client.fetchManifest("demo/alpine", "1"))
          .isInstanceOf(RegistryException.class)
          .hasMessageStartingWith("failed to fetch manifest " + registry.host() + "/demo/alpine:1: TLS certificate"
              + " not trusted (give the registry's CA certificate as a CA file for this host): ");
    }
  }

  @Test
  void aCaFileThatIsNotPemIsNamed() throws IOException {
    Path bogus = Files.writeString(temp.resolve("ca.pem"), "not a certificate");
    assertThatThrownBy(() -> RegistryClient.create(registry.host(), options().withCaFile(registry.host(), bogus)))
        .hasMessageStartingWith("CA file " + bogus + " ");
  }
}
