package dev.customs.core.purl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlFactoryTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      deb (Trivy reference form)  | DEB      | openssl                  | 3.0.22-1~deb12u2 | amd64  | debian | 12.15  | pkg:deb/debian/openssl@3.0.22-1~deb12u2?arch=amd64&distro=debian-12.15
      deb epoch to qualifier      | DEB      | diffutils                | 1:3.8-4          | amd64  | debian | 12.15  | pkg:deb/debian/diffutils@3.8-4?arch=amd64&distro=debian-12.15&epoch=1
      ubuntu                      | DEB      | bash                     | 5.1-6ubuntu1     | amd64  | ubuntu | 22.04  | pkg:deb/ubuntu/bash@5.1-6ubuntu1?arch=amd64&distro=ubuntu-22.04
      apk distro is the version   | APK      | musl                     | 1.2.5-r0         | x86_64 | alpine | 3.20.3 | pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3
      rpm on rhel is redhat       | RPM      | bash                     | 1:5.1.8-9.el9    | x86_64 | rhel   | 9.4    | pkg:rpm/redhat/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&epoch=1
      rpm on rocky                | RPM      | zlib                     | 1.2.11-40.el9    | x86_64 | rocky  | 9.3    | pkg:rpm/rocky/zlib@1.2.11-40.el9?arch=x86_64&distro=rocky-9.3
      maven                       | MAVEN    | org.apache.logging.log4j:log4j-core | 2.14.1 |      |        |        | pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1
      npm scoped                  | NPM      | @babel/core              | 7.24.0           |        |        |        | pkg:npm/%40babel/core@7.24.0
      npm plain                   | NPM      | lodash                   | 4.17.15          |        |        |        | pkg:npm/lodash@4.17.15
      pypi normalized             | PYPI     | Charset_Normalizer       | 3.4.7            |        |        |        | pkg:pypi/charset-normalizer@3.4.7
      golang                      | GO       | github.com/gorilla/mux   | v1.8.0           |        |        |        | pkg:golang/github.com/gorilla/mux@v1.8.0
      golang stdlib               | GO       | stdlib                   | v1.22.1          |        |        |        | pkg:golang/stdlib@v1.22.1
      composer                    | COMPOSER | monolog/monolog          | 3.5.0            |        |        |        | pkg:composer/monolog/monolog@3.5.0
      gem                         | GEM      | rack                     | 3.0.8            |        |        |        | pkg:gem/rack@3.0.8
      cargo                       | CARGO    | serde                    | 1.0.197          |        |        |        | pkg:cargo/serde@1.0.197
      nuget                       | NUGET    | Newtonsoft.Json          | 13.0.1           |        |        |        | pkg:nuget/Newtonsoft.Json@13.0.1
      """)
  void buildsThePurlEachEcosystemExpects(String title, Ecosystem eco, String name, String version, String arch,
      String family, String osVersion, String expected) {
    Package pkg = Package.of(eco, name, version, "some/path").withArch(arch);
    Optional<OsRelease> os = family == null ? Optional.empty() : Optional.of(new OsRelease(family, osVersion, ""));

    assertThat(PurlFactory.of(pkg, os)).isEqualTo(expected);
  }

  @Test
  void aMavenArtifactWithoutAGroupHasNoPurlRatherThanAFailure() {
    Package pkg = Package.of(Ecosystem.MAVEN, "spring-jcl", "5.3.17", "app/fat-app.jar/BOOT-INF/lib/spring-jcl-5.3.17.jar");

    assertThat(PurlFactory.of(pkg, Optional.empty())).isEmpty();
  }

  @Test
  void anOsPackageWithoutAKnownOsHasNoDistro() {
    Package pkg = Package.of(Ecosystem.APK, "busybox", "1.36.1-r29", "lib/apk/db/installed");

    assertThat(PurlFactory.of(pkg, Optional.empty())).isEqualTo("pkg:apk/alpine/busybox@1.36.1-r29");
  }

  /** packageurl-java percent-encodes the slashes of qualifier values; parsers read both forms alike. */
  @Test
  void anImageFromARegistryNamesWhereItLives() {
    Digest digest = Digest.parse("sha256:" + "ab".repeat(32));
    ImageRef ref = new ImageRef("docker.io", "library/debian", Optional.of("12"), Optional.empty());

    assertThat(PurlFactory.ofImage("debian:12", Optional.of(ref), digest, Platform.LINUX_AMD64))
        .isEqualTo("pkg:oci/debian@sha256%3A" + "ab".repeat(32) + "?arch=amd64&repository_url=docker.io%2Flibrary%2Fdebian&tag=12");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "images/Debian12-App, debian12-app",
      "images/debian12.oci.tar:debian12-app, debian12-app",
      "images/alpine-3.20.3.docker.tar.gz, alpine-3.20.3",
      "/srv/rootfs/, image"})
  void anImageFromAnArchiveIsNamedAfterIt(String imageName, String purlName) {
    Digest digest = Digest.parse("sha256:" + "cd".repeat(32));

    assertThat(PurlFactory.ofImage(imageName, Optional.empty(), digest, Platform.LINUX_AMD64))
        .isEqualTo("pkg:oci/" + purlName + "@sha256%3A" + "cd".repeat(32) + "?arch=amd64");
  }
}
