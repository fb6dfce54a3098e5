package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth (htpasswd) against a real registry: explicit credentials, Docker config, credential helpers. */
class RegistryAuthLocalRegistryTest {
  private static LocalRegistry registry;
  private static Digest pushed;

  @TempDir
  Path temp;

  @BeforeAll
  static void pushImage() {
    registry = LocalRegistry.startWithAuth("alice", "s3cret");
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:1");
    pushed = Digest.sha256(registry.inspectRaw("demo/alpine:1").getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of(temp)).withRetries(1, Duration.ofMillis(1));
  }

  private Digest open(RegistryOptions options) throws IOException {
    try (Image image = new RegistryImageSource(options).open(ImageRef.parse(registry.host() + "/demo/alpine:1"),
        Platform.LINUX_AMD64)) {
      return image.manifestDigest();
    }
  }

  @Test
  void explicitCredentialsAreSentAfterTheBasicChallenge() throws IOException {
    assertThat(open(options().withCredentials(registry.host(), new Credentials("alice", "s3cret")))).isEqualTo(pushed);
  }

  @Test
  void wrongPasswordSaysHowToFixIt() {
    assertThatThrownBy(() -> open(options().withCredentials(registry.host(), new Credentials("alice", "wrong"))))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("failed to fetch manifest " + registry.host() + "/demo/alpine:1: 401 unauthorized"
            + " (check --username/--password or docker login)")
        .extracting(e -> ((RegistryException) e).status()).isEqualTo(401);
  }

  @Test
  void noCredentialsAtAllIsUnauthorized() {
    assertThatThrownBy(() -> open(options()))
        .hasMessageStartingWith("failed to fetch manifest " + registry.host() + "/demo/alpine:1: 401 unauthorized");
  }

  @Test
  void dockerConfigAuthsBase64Entry() throws IOException {
    String auth = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    Files.writeString(temp.resolve("config.json"),
        "{\"auths\":{\"http://" + registry.host() + "/v2/\":{\"auth\":\"" + auth + "\"}}}");
    assertThat(open(options())).isEqualTo(pushed);
  }

  @Test
  void dockerConfigCredentialHelperGetsTheHostOnStdin() throws IOException {
    Path log = temp.resolve("helper.log");
    writeHelper("test", "read host; echo \"$1 $host\" >> " + log + "\n"
        + "echo '{\"ServerURL\":\"'$host'\",\"Username\":\"alice\",\"Secret\":\"s3cret\"}'");
    Files.writeString(temp.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"test\"}}");

    assertThat(open(options())).isEqualTo(pushed);
    assertThat(Files.readString(log).strip()).isEqualTo("get " + registry.host());
  }

  @Test
  void dockerConfigCredsStoreIsUsedForEveryHost() throws IOException {
    writeHelper("store", "read host; echo '{\"ServerURL\":\"'$host'\",\"Username\":\"alice\",\"Secret\":\"s3cret\"}'");
    Files.writeString(temp.resolve("config.json"), "{\"credsStore\":\"store\"}");
    assertThat(open(options())).isEqualTo(pushed);
  }

  @Test
  void credentialHelperFailureNamesTheHelper() throws IOException {
    writeHelper("broken", "echo 'keychain locked' ; exit 1");
    Files.writeString(temp.resolve("config.json"), "{\"credsStore\":\"broken\"}");
    assertThatThrownBy(() -> open(options()))
        .hasMessageContaining("failed to fetch manifest " + registry.host() + "/demo/alpine:1: cannot get credentials: ")
        .hasMessageContaining("docker-credential-broken get " + registry.host() + " failed (exit 1): keychain locked");
  }

  private void writeHelper(String name, String body) throws IOException {
    Path helper = temp.resolve("docker-credential-" + name);
    Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 2\n" + body + "\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
  }
}
