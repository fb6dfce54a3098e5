package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryJsonFormatTest {
  private final Inventory inventory = SampleInventory.inventory();

  private JsonNode document() throws Exception {
    return new ObjectMapper().readTree(SampleInventory.write(new InventoryJsonFormat(), inventory, SampleInventory.CONTEXT));
  }

  @Test
  void writesTheDocumentedFields() throws Exception {
    JsonNode doc = document();
    JsonNode first = doc.path("packages").get(0);

    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("os").path("version").asText()).isEqualTo("12.7");
    assertThat(doc.path("image").path("reference").asText()).isEqualTo("registry.example.com/team/app:1.0");
    assertThat(doc.path("image").path("layers")).hasSize(2);
    assertThat(first.path("ecosystem").asText()).isEqualTo("deb");
    assertThat(first.path("name").asText()).isEqualTo("openssl");
    assertThat(first.path("licenses").get(0).asText()).isEqualTo("Apache-2.0");
    assertThat(first.path("layerDiffId").asText()).isEqualTo(inventory.image().layers().get(0).diffId().toString());
    assertThat(doc.path("privilegedFiles").get(0).path("mode").asText()).isEqualTo("4755");
    assertThat(doc.path("secrets").get(0).path("ruleId").asText()).isEqualTo("aws-access-key-id");
    assertThat(doc.path("users").get(0).path("uid").asLong()).isZero();
  }

  @Test
  void keepsEnvironmentNamesButNeverTheirValues() throws Exception {
    JsonNode doc = document();
    List<String> env = new ArrayList<>();
    doc.path("image").path("envNames").forEach(e -> env.add(e.asText()));

    assertThat(env).containsExactly("PATH", "API_TOKEN");
    assertThat(doc.toString()).doesNotContain("s3cr3t");
  }
}
