package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryHostsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "docker.io, docker.io, registry-1.docker.io, false",
      "index.docker.io, docker.io, registry-1.docker.io, false",
      "Registry-1.Docker.IO, docker.io, registry-1.docker.io, false",
      "ghcr.io, ghcr.io, ghcr.io, false",
      "localhost, localhost, localhost, true",
      "localhost:5000, localhost:5000, localhost:5000, true",
      "127.0.0.1:5000, 127.0.0.1:5000, 127.0.0.1:5000, true",
      "127.1.2.3, 127.1.2.3, 127.1.2.3, true",
      "[::1]:5000, [::1]:5000, [::1]:5000, true",
      "[2001:db8::1]:5000, [2001:db8::1]:5000, [2001:db8::1]:5000, false",
      "128.0.0.1, 128.0.0.1, 128.0.0.1, false",
      "localhost.example.com, localhost.example.com, localhost.example.com, false"})
  void canonicalApiHostAndLoopback(String host, String canonical, String apiHost, boolean loopback) {
    assertThat(RegistryHosts.canonical(host)).isEqualTo(canonical);
    assertThat(RegistryHosts.apiHost(RegistryHosts.canonical(host))).isEqualTo(apiHost);
    assertThat(RegistryHosts.isLoopback(host)).isEqualTo(loopback);
  }
}
