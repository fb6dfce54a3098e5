package dev.customs.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookup in Docker's config.json as the Docker CLI does it. */
class DockerConfigCredentialsTest {
  @TempDir
  Path dir;

  private Optional<Credentials> find(String config, String host) throws IOException {
    Files.writeString(dir.resolve("config.json"), config);
    return DockerConfigCredentials.load(dir, List.of(dir)).find(host);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://index.docker.io/v1/", "index.docker.io", "docker.io", "https://docker.io"})
  void dockerHubKeysAllMeanDockerIo(String key) throws IOException {
    assertThat(find("{\"auths\":{\"" + key + "\":{\"auth\":\"" + b64("bob:pw:with:colons") + "\"}}}", "docker.io"))
        .contains(new Credentials("bob", "pw:with:colons"));
  }

  @Test
  void usernameAndPasswordFieldsWork() throws IOException {
    assertThat(find("{\"auths\":{\"reg.example:5000\":{\"username\":\"u\",\"password\":\"p\"}}}", "reg.example:5000"))
        .contains(new Credentials("u", "p"));
  }

  @Test
  void anotherHostsEntryIsNotUsed() throws IOException {
    assertThat(find("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("u:p") + "\"}}}", "other.example")).isEmpty();
  }

  @Test
  void missingConfigMeansAnonymous() throws IOException {
    assertThat(DockerConfigCredentials.load(dir, List.of()).find("docker.io")).isEmpty();
  }

  @Test
  void brokenAuthFieldNamesTheFileAndEntry() {
    assertThatThrownBy(() -> find("{\"auths\":{\"reg.example\":{\"auth\":\"%%%\"}}}", "reg.example"))
        .hasMessage("Docker config " + dir.resolve("config.json") + ": auths.reg.example.auth is not base64");
    assertThatThrownBy(() -> find("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("nocolon") + "\"}}}", "reg.example"))
        .hasMessage("Docker config " + dir.resolve("config.json") + ": auths.reg.example.auth is not user:password");
  }

  @Test
  void unreadableConfigIsNamed() {
    assertThatThrownBy(() -> find("{not json", "reg.example"))
        .hasMessageStartingWith("cannot read Docker config " + dir.resolve("config.json") + ": ");
  }

  @Test
  void credHelperForDockerHubIsAskedForTheLegacyServerUrl() throws IOException {
    helper("hub", "read url; echo '{\"ServerURL\":\"'$url'\",\"Username\":\"'$url'\",\"Secret\":\"t\"}'");
    assertThat(find("{\"credHelpers\":{\"docker.io\":\"hub\"}}", "docker.io"))
        .contains(new Credentials("https://index.docker.io/v1/", "t"));
  }

  @Test
  void helperWithoutAnEntryFallsBackToAuths() throws IOException {
    helper("empty", "echo 'credentials not found in native keychain'; exit 1");
    assertThat(find("{\"credsStore\":\"empty\",\"auths\":{\"reg.example\":{\"auth\":\"" + b64("u:p") + "\"}}}",
        "reg.example")).contains(new Credentials("u", "p"));
  }

  @Test
  void helperPrintingGarbageIsNamed() throws IOException {
    helper("garbage", "echo 'not json'");
    assertThatThrownBy(() -> find("{\"credsStore\":\"garbage\"}", "reg.example"))
        .hasMessageStartingWith(dir.resolve("docker-credential-garbage") + " printed something that is not JSON");
  }

  private void helper(String name, String body) throws IOException {
    Path file = dir.resolve("docker-credential-" + name);
    Files.writeString(file, "#!/bin/sh\n[ \"$1\" = get ] || exit 2\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
