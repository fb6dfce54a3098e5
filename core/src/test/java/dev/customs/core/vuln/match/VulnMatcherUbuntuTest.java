package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ubuntu packages against the real Ubuntu OSV records, where UBUNTU-CVE-2021-3782 (wayland) is
 * fixed in 18.04 by a normal update and in 16.04 only by Ubuntu Pro (ESM, ecosystem
 * {@code Ubuntu:Pro:16.04:LTS}, no plain 16.04 entry).
 */
class VulnMatcherUbuntuTest {
  private static final String RECORD = "UBUNTU-CVE-2021-3782";
  static VulnDb db;

  @BeforeAll
  static void open() throws Exception {
    db = VulnDb.open(TestVulnData.sharedBundle());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** The debian12 image's facts with one Ubuntu binary of the wayland source at a version. */
  private static List<Finding> wayland(String release, String version) {
    Inventory base = TestImages.inventory("debian12");
    Package client = new Package(Ecosystem.DEB, "libwayland-client0", version, "wayland", version, "amd64", List.of(),
        List.of("var/lib/dpkg/status"), java.util.Map.of());
    Inventory ubuntu = new Inventory(base.image(), Optional.of(new OsRelease("ubuntu", release, "Ubuntu " + release)),
        List.of(new InventoryPackage(client, "", base.packages().getFirst().layerDiffId(), "dpkg")), List.of(),
        List.of(), List.of(), List.of());
    MatchResult result = new VulnMatcher(db).match(ubuntu);
    assertThat(result.problems()).isEmpty();
    return result.findings().stream().filter(f -> f.ids().contains(RECORD)).toList();
  }

  @Test
  void aProOnlyFixIsReportedAsUnfixedForAnImageWithoutPro() {
    assertThat(wayland("16.04", "1.12.0-1~ubuntu16.04.3")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(FindingStatus.UNFIXED);
      assertThat(f.fixedVersions()).isEmpty();
      assertThat(f.evidence()).singleElement().satisfies(e -> {
        assertThat(e.ecosystemKey()).isEqualTo("ubuntu-pro:16.04");
        assertThat(e.matchedBy()).isEqualTo("ECOSYSTEM[introduced 0, fixed 1.12.0-1~ubuntu16.04.3+esm1]");
      });
    });
  }

  @Test
  void anImageThatInstalledTheProFixIsNotAffected() {
    assertThat(wayland("16.04", "1.12.0-1~ubuntu16.04.3+esm1")).isEmpty();
  }

  @Test
  void aFixOfTheReleaseItselfStaysAFix() {
    assertThat(wayland("18.04", "1.16.0-1ubuntu1.1~18.04.3")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(FindingStatus.FIXED);
      assertThat(f.fixedVersions()).containsExactly("1.16.0-1ubuntu1.1~18.04.4");
      assertThat(f.evidence()).extracting(MatchEvidence::ecosystemKey).containsOnly("ubuntu:18.04");
    });
    assertThat(wayland("18.04", "1.16.0-1ubuntu1.1~18.04.4")).isEmpty();
  }
}
