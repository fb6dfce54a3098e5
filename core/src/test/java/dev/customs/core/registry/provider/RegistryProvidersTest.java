package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one list of providers and the integration record the console stores. */
class RegistryProvidersTest {

  @Test
  void theTenTypesEachOnce() {
    assertThat(RegistryProviders.all()).extracting(RegistryProvider::type).containsExactly(
        "dockerhub", "ecr", "acr", "gcr", "harbor", "quay", "gitlab", "jfrog", "nexus", "generic");
    assertThatThrownBy(() -> RegistryProviders.forType("artifactory"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown registry type \"artifactory\"; known: [dockerhub, ecr");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "registry.example.com,          registry.example.com,  https",
      "https://harbor.example.com/,   harbor.example.com,    https",
      "http://127.0.0.1:5000,         127.0.0.1:5000,        http",
      "ghcr.io/some/path,             ghcr.io,               https",
      "https://index.docker.io,       docker.io,             https"})
  void hostAndScheme(String url, String host, String scheme) {
    RegistryIntegration integration = RegistryIntegration.of("generic", url, null, null);
    assertThat(integration.host()).isEqualTo(host);
    assertThat(integration.scheme()).isEqualTo(scheme);
  }

  @Test
  void secretsStayOutOfToStringAndMissingOptionsAreNamed() {
    RegistryIntegration nexus = new RegistryIntegration("nexus", "https://nexus.example.com", "admin", "hunter2",
        Map.of());
    assertThat(nexus.toString()).doesNotContain("hunter2").contains("secret hidden");
    assertThatThrownBy(() -> nexus.requireOption("repository"))
        .hasMessage("nexus registry https://nexus.example.com needs the option \"repository\"");
  }
}
