package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.inventory.Inventory;
import dev.customs.testkit.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A stored inventory document reads back into the inventory it was written from. */
class InventoryJsonReaderTest {
  @ParameterizedTest
  @ValueSource(strings = {"debian12-app", "alpine-3.20.3"})
  void roundTripsTheRealImages(String image) throws IOException {
    Inventory inventory = TestImages.inventory(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryJsonFormat().write(inventory, SbomContext.now("test"), out);
    Inventory read = new InventoryJsonReader().read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(read).isEqualTo(inventory);
  }

  @Test
  void refusesOtherDocumentsWithTheReason() {
    assertThatThrownBy(() -> new InventoryJsonReader().read(new ByteArrayInputStream(
        "{\"bomFormat\": \"CycloneDX\"}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("schema version 1");
    assertThatThrownBy(() -> new InventoryJsonReader().read(new ByteArrayInputStream(
        "{\"schemaVersion\": 1, \"image\": {\"manifestDigest\": \"nope\"}}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("damaged inventory document");
  }
}
