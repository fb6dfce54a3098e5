package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.match.VulnMatcher;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scan reports of the real debian12-app image matched against the real records. */
class ScanFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static VulnDb db;
  static ScanResult app;

  @BeforeAll
  static void scan() throws Exception {
    db = VulnDb.open(TestVulnData.sharedBundle());
    Inventory inventory = TestImages.inventory("debian12-app");
    app = new ScanResult(inventory, new VulnMatcher(db).match(inventory));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String write(String format, ScanResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanFormats.byName(format).orElseThrow().write(result, SampleInventory.CONTEXT, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void cycloneDxIsAValid16VdrWhoseVulnerabilitiesReferenceTheComponents() throws Exception {
    String json = write("cyclonedx", app);

    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    JsonNode bom = JSON.readTree(json);
    Set<String> componentRefs = new HashSet<>();
    bom.path("components").forEach(c -> componentRefs.add(c.path("bom-ref").asText()));
    assertThat(bom.path("vulnerabilities").size()).isGreaterThan(50);
    bom.path("vulnerabilities").forEach(v -> v.path("affects").forEach(a ->
        assertThat(componentRefs).as(v.path("id").asText()).contains(a.path("ref").asText())));
    JsonNode log4shell = find(bom.path("vulnerabilities"), "CVE-2021-44228");
    assertThat(log4shell.path("affects").get(0).path("ref").asText())
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(log4shell.path("ratings").get(0).path("severity").asText()).isEqualTo("critical");
    assertThat(log4shell.path("references").findValuesAsText("id")).contains("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4shell.path("properties").findValuesAsText("name")).contains("customs:kev:dateAdded");
  }

  @Test
  void jsonCarriesEveryFindingWithItsEvidence() throws Exception {
    JsonNode doc = JSON.readTree(write("json", app));

    assertThat(doc.path("findings").size()).isEqualTo(app.match().findings().size());
    JsonNode log4shell = find(doc.path("findings"), "CVE-2021-44228");
    assertThat(log4shell.path("kev").path("dateAdded").asText()).isEqualTo("2021-12-10");
    assertThat(log4shell.path("evidence").get(0).path("scheme").asText()).isEqualTo("maven");
    assertThat(doc.path("distro").path("covered").asBoolean()).isTrue();
    assertThat(doc.path("database").path("sha256").asText()).isEqualTo(db.metadata().sha256());
  }

  @Test
  void theTableSaysWhenTheReleaseIsNotCovered() throws Exception {
    Inventory base = app.inventory();
    Inventory sid = new Inventory(base.image(), Optional.of(new OsRelease("debian", "14", "")), base.packages(),
        base.secrets(), base.privilegedFiles(), base.users(), base.problems());

    String table = write("table", new ScanResult(sid, new VulnMatcher(db).match(sid)));

    assertThat(table).contains("WARNING:  debian 14: not covered by the vulnerability data")
        .contains("CVE-2021-44228").contains("log4j-core");
    assertThat(write("table", app)).doesNotContain("not covered").containsPattern("Findings: \\d+ \\(critical \\d+");
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError(id + " not found");
  }
}
