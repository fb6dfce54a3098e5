package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.inventory.Inventory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** VEX documents (OpenVEX, CycloneDX) and ignore files against Log4Shell in the real app image. */
class VexAndIgnoreFileTest {
  private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core";

  static Stream<Arguments> vex() {
    return Stream.of(
        Arguments.of("OpenVEX 0.2 for the package version", """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "sec",
             "statements": [{"vulnerability": {"name": "CVE-2021-44228"},
               "products": [{"@id": "%s@2.14.1"}], "status": "not_affected",
               "justification": "vulnerable_code_not_in_execute_path", "impact_statement": "JNDI lookups are disabled"}]}
            """.formatted(LOG4J), "not_affected: vulnerable_code_not_in_execute_path: JNDI lookups are disabled"),
        Arguments.of("OpenVEX 0.0 string id and image product with subcomponents", """
            {"@context": "https://openvex.dev/ns", "statements": [{"vulnerability": "GHSA-jfh8-c2jp-5v3q",
               "products": [{"@id": "pkg:oci/app", "subcomponents": [{"@id": "%s"}]}], "status": "not_affected",
               "justification": "inline_mitigations_already_exist"}]}
            """.formatted(LOG4J), "not_affected: inline_mitigations_already_exist"),
        Arguments.of("OpenVEX affected status suppresses nothing", """
            {"statements": [{"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}], "status": "affected"}]}
            """.formatted(LOG4J), ""),
        Arguments.of("OpenVEX for another package suppresses nothing", """
            {"statements": [{"vulnerability": {"name": "CVE-2021-44228"},
               "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-api"}], "status": "not_affected"}]}
            """, ""),
        Arguments.of("OpenVEX for another version suppresses nothing", """
            {"statements": [{"vulnerability": {"name": "CVE-2021-44228"}, "products": ["%s@2.17.1"], "status": "not_affected"}]}
            """.formatted(LOG4J), ""),
        Arguments.of("CycloneDX VEX by bom-ref and alias, false positive", """
            {"bomFormat": "CycloneDX", "specVersion": "1.5",
             "components": [{"bom-ref": "log4j", "type": "library", "name": "log4j-core", "purl": "%s@2.14.1"}],
             "vulnerabilities": [{"id": "GHSA-jfh8-c2jp-5v3q", "analysis": {"state": "false_positive",
               "detail": "shaded copy without JndiLookup"}, "affects": [{"ref": "log4j"}]}]}
            """.formatted(LOG4J), "false_positive: shaded copy without JndiLookup"),
        Arguments.of("CycloneDX VEX by purl ref, not affected", """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "vulnerabilities": [{"id": "CVE-2021-44228",
               "analysis": {"state": "not_affected", "justification": "code_not_reachable"},
               "affects": [{"ref": "%s@2.14.1"}]}]}
            """.formatted(LOG4J), "not_affected: code_not_reachable"),
        Arguments.of("CycloneDX exploitable state suppresses nothing", """
            {"bomFormat": "CycloneDX", "vulnerabilities": [{"id": "CVE-2021-44228",
               "analysis": {"state": "exploitable"}, "affects": [{"ref": "%s@2.14.1"}]}]}
            """.formatted(LOG4J), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vex")
  void vexStatementsSuppressWhatTheyCover(String name, String json, String reason) throws Exception {
    Inventory app = PolicyImages.app();
    List<VulnerabilityView> views = SyntheticVulnerabilities.of(app);
    VexDocument vex = VexDocument.parse("app.vex.json", json);

    Suppressions.Result result = new Suppressions(List.of(), List.of(vex)).apply(views, SyntheticVulnerabilities.NOW_DATE);

    if (reason.isEmpty()) {
      assertThat(result.suppressed()).isEmpty();
      assertThat(result.kept()).hasSize(2);
    } else {
      assertThat(result.suppressed()).singleElement().satisfies(s -> {
        assertThat(s.vulnerability().id()).isEqualTo("CVE-2021-44228");
        assertThat(s.source()).startsWith("vex app.vex.json (");
        assertThat(s.reason()).isEqualTo(reason);
      });
      assertThat(result.kept()).extracting(VulnerabilityView::id).containsExactly("CVE-2026-0001");
    }
  }

  @Test
  void aDocumentThatIsNotVexIsRefusedByName() {
    assertThatThrownBy(() -> VexDocument.parse("sbom.json", "{\"spdxVersion\": \"SPDX-2.3\"}"))
        .hasMessage("sbom.json: not a VEX document: expected OpenVEX \"statements\" or CycloneDX \"vulnerabilities\"");
    assertThatThrownBy(() -> VexDocument.parse("broken.json", "{\n\"statements\": [\n}"))
        .hasMessageStartingWith("broken.json:3: not valid JSON");
  }

  @Test
  void ignoreFileEntriesKeepTheirLineExpiryAndComment() throws Exception {
    IgnoreFile file = IgnoreFile.parse(".customsignore", "\n# header\nCVE-1 exp:2027-01-01 # why\n  GHSA-x  \n");
    assertThat(file.entries()).extracting(e -> e.id() + "@" + e.line() + " " + e.expires().map(Object::toString).orElse("-")
        + " " + e.comment()).containsExactly("CVE-1@3 2027-01-01 why", "GHSA-x@4 - ");
  }

  @Test
  void ignoreFileMistakesNameTheLine() {
    assertThatThrownBy(() -> IgnoreFile.parse(".customsignore", "CVE-1\nCVE-2 exp:2027-02-30\nCVE-3 until:2027\n"))
        .isInstanceOfSatisfying(PolicyFormatException.class, e -> assertThat(e.problems()).containsExactly(
            ".customsignore:2: expected exp:YYYY-MM-DD, was exp:2027-02-30",
            ".customsignore:3: unexpected \"until:2027\": expected exp:YYYY-MM-DD or # comment"));
  }
}
