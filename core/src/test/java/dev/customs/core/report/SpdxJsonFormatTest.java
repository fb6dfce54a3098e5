package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.customs.core.inventory.Inventory;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SpdxJsonFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Inventory inventory = SampleInventory.inventory();

  /** The official SPDX 2.3 schema (see src/test/resources/spdx/README.md). */
  private static List<Error> validate(JsonNode document) throws Exception {
    try (InputStream schemaText = SpdxJsonFormatTest.class.getResourceAsStream("/spdx/spdx-schema-2.3.json")) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
      return schema.validate(document);
    }
  }

  private JsonNode document() throws Exception {
    return JSON.readTree(SampleInventory.write(new SpdxJsonFormat(), inventory, SampleInventory.CONTEXT));
  }

  @Test
  void isValidAgainstTheSpdx23Schema() throws Exception {
    assertThat(validate(document())).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesABrokenDocument() throws Exception {
    ObjectNode broken = (ObjectNode) document();
    ((ObjectNode) broken.path("packages").get(2)).put("filesAnalyzed", "yes");
    broken.remove("creationInfo");

    assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theDocumentDescribesTheImageWhichContainsEverything() throws Exception {
    JsonNode doc = document();
    List<String> relationships = new ArrayList<>();
    doc.path("relationships").forEach(r -> relationships.add(r.path("spdxElementId").asText() + " "
        + r.path("relationshipType").asText() + " " + r.path("relatedSpdxElement").asText()));

    assertThat(relationships).startsWith("SPDXRef-DOCUMENT DESCRIBES SPDXRef-Image",
        "SPDXRef-Image CONTAINS SPDXRef-OperatingSystem");
    assertThat(relationships).filteredOn(r -> r.startsWith("SPDXRef-OperatingSystem CONTAINS")).hasSize(2);
    assertThat(relationships).filteredOn(r -> r.startsWith("SPDXRef-Image CONTAINS")).hasSize(6);
    assertThat(doc.path("packages")).hasSize(2 + inventory.packages().size());
  }

  @Test
  void packagesCarryPurlAndDeclaredLicenseWithLicenseRefsForUnlistedNames() throws Exception {
    JsonNode doc = document();
    JsonNode passwd = pkg(doc, "passwd");

    assertThat(passwd.path("externalRefs").get(0).path("referenceLocator").asText())
        .isEqualTo("pkg:deb/debian/passwd@4.13%2Bdfsg1-1%2Bdeb12u2?arch=amd64&distro=debian-12.7&epoch=1");
    assertThat(passwd.path("licenseDeclared").asText()).isEqualTo("LicenseRef-GPL-2-plus");
    assertThat(doc.path("hasExtractedLicensingInfos").get(0).path("extractedText").asText()).isEqualTo("GPL-2+");
    assertThat(pkg(doc, "openssl").path("licenseDeclared").asText()).isEqualTo("Apache-2.0");
    assertThat(pkg(doc, "@babel/core").path("licenseDeclared").asText()).isEqualTo("(MIT OR Apache-2.0)");
    assertThat(pkg(doc, "flask").path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
    assertThat(pkg(doc, "flask").path("sourceInfo").asText())
        .contains(inventory.image().layers().get(1).diffId().toString()).contains("app/site-packages/Flask.pkgdb");
  }

  @Test
  void onlyTheCreationTimeAndNamespaceDependOnTheRun() throws Exception {
    SbomContext later = new SbomContext("customs", "1.2.3", Instant.parse("2027-01-01T00:00:00Z"), UUID.randomUUID());
    ObjectNode first = (ObjectNode) document();
    ObjectNode second = (ObjectNode) JSON.readTree(SampleInventory.write(new SpdxJsonFormat(), inventory, later));

    assertThat(second.path("creationInfo").path("created").asText()).isEqualTo("2027-01-01T00:00:00Z");
    for (ObjectNode doc : List.of(first, second)) {
      doc.remove("documentNamespace");
      ((ObjectNode) doc.path("creationInfo")).remove("created");
    }
    assertThat(second).isEqualTo(first);
    assertThat(document().path("documentNamespace").asText())
        .isEqualTo("https://customs.dev/spdx/registry.example.com-team-app-00000000-0000-4000-8000-000000000001");
  }

  private static JsonNode pkg(JsonNode doc, String name) {
    return StreamSupport.stream(doc.path("packages").spliterator(), false)
        .filter(p -> p.path("name").asText().equalsIgnoreCase(name)).findFirst().orElseThrow();
  }
}
