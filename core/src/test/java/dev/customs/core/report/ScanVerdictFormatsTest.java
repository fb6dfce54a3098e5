package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy assessment in the table and Customs JSON reports of the judged debian12-app scan. */
class ScanVerdictFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTableEndsWithTheVerdictAndTheReasonsOfEachFailingControl() throws Exception {
    String table = JudgedScan.write("table", JudgedScan.app());
    String verdict = table.substring(table.indexOf("\nPolicies: "));

    assertThat(verdict).startsWith("\nPolicies: NOT COMPLIANT\n  baseline: FAIL\n");
    assertThat(verdict).containsPattern("\n  BLOCK baseline controls\\[\\d+\\] \\w+: .+\n");
    assertThat(verdict).contains("    - CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1");
  }

  @Test
  void withoutAPolicyTheTableHasNoVerdict() throws Exception {
    ScanResult unjudged = new ScanResult(JudgedScan.app().inventory(), JudgedScan.app().match());

    assertThat(JudgedScan.write("table", unjudged)).doesNotContain("Policies:");
  }

  @Test
  void theJsonCarriesEveryControlWithItsVerdictReasonsAndOffenses() throws Exception {
    JsonNode assessment = JSON.readTree(JudgedScan.write("json", JudgedScan.app())).path("assessment");
    JsonNode policy = assessment.path("policies").get(0);
    List<String> offenses = new ArrayList<>();
    policy.path("controls").forEach(c -> c.path("offenses").forEach(o -> offenses.add(o.path("subject").asText())));

    assertThat(assessment.path("compliant").asBoolean(true)).isFalse();
    assertThat(policy.path("name").asText()).isEqualTo("baseline");
    assertThat(policy.path("blocks").asBoolean()).isTrue();
    assertThat(policy.path("controls").size())
        .isEqualTo(JudgedScan.app().assessment().orElseThrow().policies().get(0).controls().size());
    policy.path("controls").forEach(c -> {
      assertThat(c.path("verdict").asText()).isIn("PASS", "BLOCK", "WARN");
      assertThat(c.path("reasons")).isNotEmpty();
    });
    assertThat(offenses).anyMatch(s -> s.startsWith("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1"));
  }

  @Test
  void withoutAPolicyTheJsonAssessmentIsNull() throws Exception {
    ScanResult unjudged = new ScanResult(JudgedScan.app().inventory(), JudgedScan.app().match());

    assertThat(JSON.readTree(JudgedScan.write("json", unjudged)).path("assessment").isNull()).isTrue();
  }
}
