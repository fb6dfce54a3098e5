package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsReleasePrecedenceTest {
  private static final OsRelease DEBIAN_OS_RELEASE = new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)");

  @Test
  void noReleaseFileMeansNoOs() {
    assertThat(OsReleasePrecedence.choose(Map.of())).isEmpty();
  }

  @Test
  void debianVersionMakesOsReleaseMorePrecise() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "usr/lib/os-release", DEBIAN_OS_RELEASE,
        "etc/debian_version", new OsRelease("debian", "12.7", ""))))
        .contains(new OsRelease("debian", "12.7", "Debian GNU/Linux 12 (bookworm)"));
  }

  @Test
  void ubuntuStaysUbuntuDespiteItsDebianVersion() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "etc/debian_version", new OsRelease("debian", "bookworm/sid", ""),
        "etc/lsb-release", new OsRelease("ubuntu", "24.04", "Ubuntu 24.04.1 LTS"),
        "etc/os-release", new OsRelease("ubuntu", "24.04", "Ubuntu 24.04.1 LTS"))))
        .contains(new OsRelease("ubuntu", "24.04", "Ubuntu 24.04.1 LTS"));
  }

  @Test
  void etcOsReleaseWinsOverUsrLib() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "usr/lib/os-release", new OsRelease("debian", "12", "Debian"),
        "etc/os-release", new OsRelease("ubuntu", "24.04", "Ubuntu"))).orElseThrow().family())
        .isEqualTo("ubuntu");
  }

  @Test
  void derivativeReleaseFileBeatsRedhatRelease() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "etc/redhat-release", new OsRelease("rhel", "8.9", "Red Hat Enterprise Linux release 8.9 (Ootpa)"),
        "etc/centos-release", new OsRelease("centos", "7.9.2009", "CentOS Linux release 7.9.2009 (Core)"))))
        .contains(new OsRelease("centos", "7.9.2009", "CentOS Linux release 7.9.2009 (Core)"));
  }

  @Test
  void testingKeepsTheCodenameWhenOsReleaseHasNoVersion() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "usr/lib/os-release", new OsRelease("debian", "", "Debian GNU/Linux trixie/sid"),
        "etc/debian_version", new OsRelease("debian", "trixie/sid", ""))))
        .contains(new OsRelease("debian", "trixie/sid", "Debian GNU/Linux trixie/sid"));
  }

  @Test
  void unrelatedVersionsDoNotOverride() {
    // 12.10 extends 12, but 120 does not: a dot is required.
    assertThat(OsReleasePrecedence.choose(Map.of(
        "usr/lib/os-release", DEBIAN_OS_RELEASE,
        "etc/debian_version", new OsRelease("debian", "120", ""))).orElseThrow().version())
        .isEqualTo("12");
  }

  @Test
  void unknownPathsRankLast() {
    assertThat(OsReleasePrecedence.choose(Map.of(
        "etc/some-future-release", new OsRelease("future", "1", "Future"),
        "etc/alpine-release", new OsRelease("alpine", "3.20.3", ""))).orElseThrow().family())
        .isEqualTo("alpine");
  }
}
