package dev.customs.core.vuln.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcosystemKeysTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Debian:12, debian:12",
      "Debian:6.0, debian:6",
      "Debian:3.1, debian:3.1",
      "Ubuntu:22.04:LTS, ubuntu:22.04",
      "Ubuntu:Pro:16.04:LTS, ubuntu-pro:16.04",
      "Ubuntu:24.10, ubuntu:24.10",
      "Alpine:v3.20, alpine:3.20",
      "AlmaLinux:9, almalinux:9",
      "Rocky Linux:9, rocky:9",
      "Red Hat:enterprise_linux:9::baseos, rhel:9",
      "SUSE:Linux Enterprise Server 15 SP5, sles:15.5",
      "npm, npm",
      "Maven, maven",
      "PyPI, pypi",
      "Go, go",
      "crates.io, cargo",
      "NuGet, nuget",
      "RubyGems, gem",
      "Packagist, composer",
      "Mageia:9, mageia:9",
      "openSUSE:Leap 15.5, opensuse:leap-15.5"})
  void osvEcosystems(String ecosystem, String key) {
    assertThat(EcosystemKeys.ofOsv(ecosystem)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bookworm, debian:12", "bullseye, debian:11", "trixie, debian:13", "buster, debian:10",
      "sid, debian:unstable", "stretch, debian:9"})
  void debianCodenames(String codename, String key) {
    assertThat(EcosystemKeys.debianRelease(codename)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "pypi, Django_REST.framework, django-rest-framework",
      "pypi, requests, requests",
      "npm, JSONStream, jsonstream",
      "npm, @babel/core, @babel/core",
      "maven, org.apache.logging.log4j:log4j-core, org.apache.logging.log4j:log4j-core",
      "go, github.com/BurntSushi/toml, github.com/BurntSushi/toml",
      "nuget, Newtonsoft.Json, newtonsoft.json",
      "debian:12, libxml2, libxml2"})
  void packageNames(String ecosystemKey, String name, String normalized) {
    assertThat(PackageNames.normalize(ecosystemKey, name)).isEqualTo(normalized);
  }
}
