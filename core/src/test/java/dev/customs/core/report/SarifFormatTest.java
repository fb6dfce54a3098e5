package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SARIF of the real debian12-app scan judged by the baseline policy. */
class SarifFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode sarif() throws Exception {
    return JSON.readTree(JudgedScan.write("sarif", JudgedScan.app()));
  }

  @Test
  void isValidAgainstTheOfficialSarif210Schema() throws Exception {
    assertThat(ReportSchemas.sarif(sarif())).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesABrokenLog() throws Exception {
    ObjectNode broken = (ObjectNode) sarif();
    broken.put("version", "2.0");
    ((ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "fatal");

    assertThat(ReportSchemas.sarif(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void oneRulePerVulnerabilityIdWithTheCvssScoreAsSecuritySeverity() throws Exception {
    JsonNode run = sarif().path("runs").get(0);
    List<String> ruleIds = new ArrayList<>();
    run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
    Set<String> findingIds = new HashSet<>();
    JudgedScan.app().match().findings().forEach(f -> findingIds.add(f.id()));

    assertThat(ruleIds).doesNotHaveDuplicates().containsAll(findingIds);
    JsonNode log4shell = rule(run, "CVE-2021-44228");
    assertThat(log4shell.path("properties").path("security-severity").asText()).isEqualTo("10.0");
    assertThat(log4shell.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    run.path("results").forEach(r -> assertThat(ruleIds).contains(r.path("ruleId").asText()));
  }

  @Test
  void findingsAreLocatedAtThePackagesFileInTheImage() throws Exception {
    JsonNode run = sarif().path("runs").get(0);
    String jar = JudgedScan.app().match().findings().stream()
        .filter(f -> f.id().equals("CVE-2021-44228") && f.pkg().pkg().name().endsWith("log4j-core")).findFirst()
        .orElseThrow().pkg().pkg().paths().get(0);
    List<JsonNode> log4shell = new ArrayList<>();
    run.path("results").forEach(r -> {
      if (r.path("ruleId").asText().equals("CVE-2021-44228") && r.path("message").path("text").asText().contains("log4j-core")) {
        log4shell.add(r);
      }
    });

    assertThat(log4shell).hasSize(1);
    assertThat(log4shell.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation")
        .path("uri").asText()).isEqualTo(jar.replaceFirst("^/+", "")).endsWith(".jar");
  }

  @Test
  void policyFailuresAreResultsToo() throws Exception {
    JsonNode run = sarif().path("runs").get(0);
    List<JsonNode> policy = new ArrayList<>();
    run.path("results").forEach(r -> {
      if (r.path("ruleId").asText().startsWith("policy/baseline/")) {
        policy.add(r);
      }
    });

    assertThat(policy).isNotEmpty();
    assertThat(policy).anySatisfy(r -> {
      assertThat(r.path("level").asText()).isEqualTo("error");
      assertThat(r.path("message").path("text").asText()).contains("CVE-2021-44228 in org.apache.logging.log4j:log4j-core");
    });
    assertThat(run.path("results").size())
        .isEqualTo(JudgedScan.app().match().findings().size() + policy.size());
  }

  private static JsonNode rule(JsonNode run, String id) {
    for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
      if (rule.path("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }
}
