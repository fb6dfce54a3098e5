package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VersionSchemesTest {

  @Test
  void idsAreUniqueAndFoundById() {
    Set<String> ids = new HashSet<>();
    for (VersionScheme scheme : VersionSchemes.all()) {
      assertThat(ids.add(scheme.id())).as("duplicate id %s", scheme.id()).isTrue();
      assertThat(VersionSchemes.byId(scheme.id())).containsSame(scheme);
    }
    assertThat(ids).containsExactlyInAnyOrder(
        "deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer");
    assertThat(VersionSchemes.byId("dpkg")).isEmpty();
  }

  // One row per Ecosystem value: the enum-source test below fails when a new ecosystem has no row.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "DEB, deb", "APK, apk", "RPM, rpm", "MAVEN, maven", "NPM, semver", "CARGO, semver", "PYPI, pep440",
      "GO, go", "GEM, rubygems", "NUGET, nuget", "COMPOSER, composer"})
  void everyInventoryEcosystemHasItsScheme(Ecosystem ecosystem, String expected) {
    assertThat(VersionSchemes.forEcosystem(ecosystem).id()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ecosystem.class)
  void everyInventoryEcosystemHasARowAbove(Ecosystem ecosystem) throws NoSuchMethodException {
    CsvSource rows = getClass().getDeclaredMethod("everyInventoryEcosystemHasItsScheme", Ecosystem.class, String.class)
        .getAnnotation(CsvSource.class);
    assertThat(rows.value()).anySatisfy(row -> assertThat(row).startsWith(ecosystem.name() + ","));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Debian:12, deb", "Debian, deb", "Ubuntu:22.04:LTS, deb", "Ubuntu:Pro:18.04:LTS, deb",
      "Alpine:v3.20, apk", "Red Hat, rpm", "Red Hat:enterprise_linux:9::appstream, rpm",
      "Rocky Linux:9, rpm", "AlmaLinux:9, rpm", "SUSE:Linux Enterprise Server 15 SP5, rpm",
      "SUSE Linux Enterprise Server:15, rpm", "openSUSE:Leap 15.5, rpm", "PyPI, pep440", "npm, semver",
      "crates.io, semver", "Maven, maven", "Go, go", "NuGet, nuget", "RubyGems, rubygems",
      "Packagist, composer"})
  void osvEcosystemNamesMapToSchemes(String osvEcosystem, String id) {
    assertThat(VersionSchemes.forOsvEcosystem(osvEcosystem)).map(VersionScheme::id).contains(id);
  }

  @Test
  void unknownOsvEcosystemsHaveNoScheme() {
    assertThat(VersionSchemes.forOsvEcosystem("Hackage")).isEmpty();
    assertThat(VersionSchemes.forOsvEcosystem("")).isEmpty();
  }
}
