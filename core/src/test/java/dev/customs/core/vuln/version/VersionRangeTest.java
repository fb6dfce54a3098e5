package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link VersionScheme#inRange}: OSV's introduced / fixed / last_affected semantics. */
class VersionRangeTest {
  private final VersionScheme deb = new DebVersionScheme();
  private final VersionScheme semver = new SemverVersionScheme();

  @ParameterizedTest(name = "{0} in [{1}, fixed {2}, last {3}] = {4}")
  @CsvSource(nullValues = "-", value = {
      // introduced is inclusive, fixed exclusive, last_affected inclusive
      "1.2.0, 1.2.0, 1.3.0, -, true",
      "1.1.9, 1.2.0, 1.3.0, -, false",
      "1.3.0, 1.2.0, 1.3.0, -, false",
      "1.3.0-rc.1, 1.2.0, 1.3.0, -, true",
      "1.3.0, 1.2.0, -, 1.3.0, true",
      "1.3.1, 1.2.0, -, 1.3.0, false",
      "1.3.0+build.7, 1.2.0, -, 1.3.0, true",
      // "0" and a missing introduced both mean "since the first version"
      "0.0.1, 0, 1.0.0, -, true",
      "0.0.1, -, 1.0.0, -, true",
      // no end: everything from introduced on
      "99.0.0, 2.0.0, -, -, true",
      "1.9.9, 2.0.0, -, -, false",
      "3.0.0, 0, -, -, true"})
  void semverIntervals(String version, String introduced, String fixed, String last, boolean expected) {
    assertThat(semver.inRange(version, introduced, fixed, last)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} before fix {1} = {2}")
  @CsvSource({
      // real Debian fixes: backports (~), security updates (+debNuM), epochs
      "3.0.11-1~deb12u2, 3.0.11-1~deb12u3, true",
      "3.0.11-1~deb12u3, 3.0.11-1~deb12u3, false",
      "3.0.11-1, 3.0.11-1~deb12u3, false",
      "2.36-9+deb12u4, 2.36-9+deb12u7, true",
      "2.36-9+deb12u10, 2.36-9+deb12u7, false",
      "1:9.11.5.P4+dfsg-5.1+deb10u9, 1:9.11.5.P4+dfsg-5.1+deb10u10, true",
      "2:1.0-1, 1:2.0-1, false"})
  void debianFixes(String version, String fixed, boolean affected) {
    assertThat(deb.inRange(version, "0", fixed, null)).isEqualTo(affected);
  }

  @Test
  void rejectsAnIntervalWithBothFixedAndLastAffected() {
    assertThatThrownBy(() -> semver.inRange("1.0.0", "0", "2.0.0", "1.9.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixed (2.0.0)")
        .hasMessageContaining("last_affected (1.9.0)");
  }

  @Test
  void rejectsMalformedVersionsInsteadOfGuessing() {
    assertThatThrownBy(() -> semver.inRange("1.0", "0", "2.0.0", null))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage("invalid semver version \"1.0\": not MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]");
    assertThatThrownBy(() -> semver.inRange("1.0.0", "0", "two", null))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("\"two\"");
    assertThatThrownBy(() -> deb.inRange("1.0 beta", "0", null, null))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("embedded spaces");
  }
}
