package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxJsonFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Inventory inventory = SampleInventory.inventory();

  private JsonNode bom() throws Exception {
    return JSON.readTree(SampleInventory.write(new CycloneDxJsonFormat(), inventory, SampleInventory.CONTEXT));
  }

  @Test
  void isValidAgainstTheCycloneDx16Schema() throws Exception {
    String json = SampleInventory.write(new CycloneDxJsonFormat(), inventory, SampleInventory.CONTEXT);

    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    assertThat(JSON.readTree(json).path("specVersion").asText()).isEqualTo("1.6");
  }

  @Test
  void theSchemaCheckCatchesABrokenDocument() throws Exception {
    ObjectNode broken = (ObjectNode) bom();
    ((ObjectNode) broken.path("components").get(0)).put("type", "spaceship");

    assertThat(new JsonParser().validate(broken, Version.VERSION_16)).isNotEmpty();
  }

  @Test
  void theImageIsTheRootAndTheOsOwnsTheOsPackages() throws Exception {
    JsonNode bom = bom();
    JsonNode root = bom.path("metadata").path("component");

    assertThat(bom.path("serialNumber").asText()).isEqualTo("urn:uuid:00000000-0000-4000-8000-000000000001");
    assertThat(root.path("type").asText()).isEqualTo("container");
    assertThat(root.path("purl").asText()).startsWith("pkg:oci/app@sha256%3A")
        .endsWith("?arch=amd64&repository_url=registry.example.com%2Fteam%2Fapp&tag=1.0");
    JsonNode os = bom.path("components").get(0);
    assertThat(os.path("type").asText()).isEqualTo("operating-system");
    assertThat(os.path("name").asText() + " " + os.path("version").asText()).isEqualTo("debian 12.7");
    assertThat(dependsOn(bom, os.path("bom-ref").asText())).containsExactly(
        "pkg:deb/debian/openssl@3.0.22-1~deb12u2?arch=amd64&distro=debian-12.7",
        "pkg:deb/debian/passwd@4.13%2Bdfsg1-1%2Bdeb12u2?arch=amd64&distro=debian-12.7&epoch=1");
    assertThat(dependsOn(bom, root.path("bom-ref").asText())).hasSize(6).contains(os.path("bom-ref").asText());
  }

  @Test
  void packagesCarryPurlLicensesLayerAndPath() throws Exception {
    JsonNode bom = bom();
    JsonNode log4j = component(bom, "log4j-core");

    assertThat(log4j.path("group").asText()).isEqualTo("org.apache.logging.log4j");
    assertThat(log4j.path("purl").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(property(log4j, "customs:path")).isEqualTo("app/lib/log4j-core.jar.pkgdb");
    assertThat(property(log4j, "customs:layer:diffId")).isEqualTo(inventory.image().layers().get(1).diffId().toString());
    assertThat(component(bom, "openssl").path("licenses").get(0).path("license").path("id").asText())
        .isEqualTo("Apache-2.0");
    assertThat(component(bom, "passwd").path("licenses").get(0).path("license").path("name").asText())
        .isEqualTo("GPL-2+");
    assertThat(component(bom, "core").path("licenses").get(0).path("expression").asText())
        .isEqualTo("(MIT OR Apache-2.0)");
  }

  @Test
  void bomRefsAreUniqueEvenForTheSamePackageAtTwoPaths() throws Exception {
    List<String> refs = new ArrayList<>();
    bom().path("components").forEach(c -> refs.add(c.path("bom-ref").asText()));

    assertThat(refs).doesNotHaveDuplicates().contains("pkg:npm/ms@2.0.0", "pkg:npm/ms@2.0.0#2", "pkg:npm/%40babel/core@7.24.0");
  }

  @Test
  void theSameInventoryAndContextGiveTheSameBytes() throws Exception {
    CycloneDxJsonFormat format = new CycloneDxJsonFormat();

    assertThat(SampleInventory.write(format, SampleInventory.inventory(), SampleInventory.CONTEXT))
        .isEqualTo(SampleInventory.write(format, inventory, SampleInventory.CONTEXT));
  }

  private static JsonNode component(JsonNode bom, String name) {
    return StreamSupport.stream(bom.path("components").spliterator(), false)
        .filter(c -> c.path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  private static String property(JsonNode component, String name) {
    return StreamSupport.stream(component.path("properties").spliterator(), false)
        .filter(p -> p.path("name").asText().equals(name)).map(p -> p.path("value").asText()).findFirst().orElseThrow();
  }

  private static List<String> dependsOn(JsonNode bom, String ref) {
    List<String> out = new ArrayList<>();
    StreamSupport.stream(bom.path("dependencies").spliterator(), false)
        .filter(d -> d.path("ref").asText().equals(ref)).findFirst().orElseThrow()
        .path("dependsOn").forEach(d -> out.add(d.asText()));
    return out;
  }
}
