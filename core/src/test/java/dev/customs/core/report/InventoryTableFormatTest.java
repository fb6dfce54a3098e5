package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Inventory;
import org.junit.jupiter.api.Test;

class InventoryTableFormatTest {
  @Test
  void summarizesThenListsOnePackagePerRow() throws Exception {
    Inventory inventory = SampleInventory.inventory();

    String table = SampleInventory.write(new InventoryTableFormat(), inventory, SampleInventory.CONTEXT);

    assertThat(table).contains("Image:    registry.example.com/team/app")
        .contains("OS:       debian 12.7")
        .contains("Packages: 7 (deb 2, maven 1, npm 3, pypi 1)")
        .containsPattern("(?m)^TYPE +NAME +VERSION +LAYER +PATH$")
        .containsPattern("(?m)^deb +openssl +3\\.0\\.22-1~deb12u2 +" + inventory.image().layers().get(0).diffId().shortHex()
            + " +var/lib/dpkg/pkgdb$")
        .contains("Secret aws-access-key-id (HIGH) in app/.env.pkgdb:1");
  }

  @Test
  void everyFormatIsRegisteredOnceByName() {
    assertThat(SbomFormats.names()).containsExactly("table", "json", "cyclonedx", "spdx");
    assertThat(SbomFormats.byName("spdx")).get().isInstanceOf(SpdxJsonFormat.class);
    assertThat(SbomFormats.byName("xml")).isEmpty();
  }
}
