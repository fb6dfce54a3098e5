package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules each scheme's Javadoc promises, one row each (every row was also checked with the
 * real tool), and the errors for versions a scheme rejects.
 */
class VersionSchemeRulesTest {

  @ParameterizedTest(name = "{0}: {1} {2} {3}")
  @CsvSource(delimiter = ' ', value = {
      "deb 1.0~rc1 < 1.0",
      "deb 1.0~~ < 1.0~",
      "deb 1.0 < 1.0+b1",
      "deb 1.0a < 1.0+",
      "deb 1:0.9 > 9.9",
      "deb 1.0-0 = 1.0",
      "deb 1.00 = 1.0",
      "rpm 1.0~rc1 < 1.0",
      "rpm 1.0^git1 > 1.0",
      "rpm 1.0^git1 < 1.0.1",
      "rpm 1.0a < 1.0.1",
      "rpm 1.0_1 = 1.0.1",
      "rpm 1.0 < 1.0-1",
      "rpm 1:1.0 > 2.0",
      "rpm 1.01 = 1.1",
      "apk 1.0_rc1 < 1.0",
      "apk 1.0_p1 > 1.0",
      "apk 1.0_alpha < 1.0_beta",
      "apk 1.0_git20240101 > 1.0_svn",
      "apk 1.0-r1 > 1.0",
      "apk 1.0a > 1.0",
      "apk 1.0.01 < 1.0.1",
      "semver 1.0.0-alpha < 1.0.0-alpha.1",
      "semver 1.0.0-alpha.beta < 1.0.0-beta",
      "semver 1.0.0-beta.2 < 1.0.0-beta.11",
      "semver 1.0.0-rc.1 < 1.0.0",
      "semver 1.0.0+build.1 = 1.0.0",
      "semver v1.2.3 = =1.2.3",
      "maven 1-alpha < 1-beta",
      "maven 1-rc < 1-snapshot",
      "maven 1-cr1 = 1-rc1",
      "maven 1.0.RELEASE = 1",
      "maven 1-final = 1-ga",
      "maven 1-sp < 1-foo",
      "maven 1-sp > 1",
      "maven 1.0-1 < 1.0.1",
      "maven 1-m1 = 1-milestone-1",
      "pep440 1.0.dev1 < 1.0a1",
      "pep440 1.0a1 < 1.0b1",
      "pep440 1.0rc1 < 1.0",
      "pep440 1.0 < 1.0.post1",
      "pep440 1.0-alpha1 = 1.0a1",
      "pep440 1.0.post-1 = 1.0.post1",
      "pep440 1.0-1 = 1.0.post1",
      "pep440 1!0.1 > 2.0",
      "pep440 1.0+local > 1.0",
      "pep440 1.0+abc.10 > 1.0+abc.5",
      "rubygems 1.0.a < 1.0",
      "rubygems 1.0.rc1 < 1.0.rc2",
      "rubygems 1.0.0 = 1",
      "rubygems 1.0-1 = 1.0.pre.1",
      "rubygems 0.10 > 0.9",
      "go v0.0.0-20190101000000-abcdefabcdef < v0.0.0-20200101000000-abcdefabcdef",
      "go v0.1.1-0.20200101000000-abcdefabcdef < v0.1.1",
      "go v2.0.0+incompatible = v2.0.0",
      "go 1.20.10 = v1.20.10",
      "go v1.2 = v1.2.0",
      "nuget 1.0 = 1.0.0.0",
      "nuget 1.0.0.1 > 1.0.0",
      "nuget 1.0.0-Alpha = 1.0.0-alpha",
      "nuget 1.0.0-rc10 < 1.0.0-rc2",
      "nuget 1.0.0-beta.11 > 1.0.0-beta.2",
      "nuget 1.0.0+build = 1.0.0",
      "composer 1.0.0-dev < 1.0.0-alpha1",
      "composer 1.0.0-RC1 < 1.0.0",
      "composer 1.0.0 < 1.0.0-patch1",
      "composer 1.0.0-pl1 = 1.0.0-patch1",
      "composer v1.0.0 = 1.0.0.0",
      "composer 1.0.0-b2 = 1.0.0-beta2",
      "composer 3.4.x-dev > 3.4.99"})
  void ordersAsTheToolDoes(String id, String a, String relation, String b) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    int expected = switch (relation) {
      case "<" -> -1;
      case "=" -> 0;
      default -> 1;
    };
    assertThat(Integer.signum(scheme.compare(a, b))).isEqualTo(expected);
    assertThat(Integer.signum(scheme.compare(b, a))).isEqualTo(-expected);
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "deb|1:|nothing after colon in version number",
      "deb|x:1.0|epoch in version is not number",
      "deb|1.0-|revision number is empty",
      "deb|'   '|version string is empty",
      "rpm|''|version string is empty",
      "apk|1.0-p1|unexpected '-' at position 3",
      "apk|1.0_foo|unexpected '_' at position 3",
      "apk|v1.0|must start with a digit",
      "semver|1.2|not MAJOR.MINOR.PATCH",
      "semver|1.0.0-01|not MAJOR.MINOR.PATCH",
      "semver|9007199254740992.0.0|above 2^53 - 1",
      "maven|''|version string is empty",
      "pep440|1.0+|not a PEP 440 version",
      "rubygems|1..0|not a RubyGems version",
      "rubygems|''|version string is empty",
      "go|v1.2.3.4|not a Go module version",
      "go|v01.2.3|not a Go module version",
      "nuget|1.0.0-01|numeric label 01 has a leading zero",
      "nuget|2147483648.0|larger than NuGet's 32-bit limit",
      "nuget|1.0.0.0.0|not a NuGet version",
      "composer|dev-master|a branch, not a version",
      "composer|not-a-version|Composer cannot normalize it"})
  void rejectsWithTheReason(String id, String version, String reason) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    assertThat(scheme.isValid(version)).isFalse();
    assertThatThrownBy(() -> scheme.compare("1.0.0", version))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageStartingWith("invalid " + id + " version \"" + version + "\": ")
        .hasMessageContaining(reason)
        .satisfies(e -> {
          assertThat(((InvalidVersionException) e).scheme()).isEqualTo(id);
          assertThat(((InvalidVersionException) e).version()).isEqualTo(version);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void nullIsRejectedNotThrownAsNullPointer(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    assertThat(scheme.isValid(null)).isFalse();
    assertThatThrownBy(() -> scheme.compare(null, "1.0.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("no version given");
  }
}
