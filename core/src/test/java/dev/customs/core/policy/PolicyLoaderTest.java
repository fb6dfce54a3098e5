package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.policy.control.ControlTypes;
import dev.customs.core.policy.load.BaselinePolicies;
import dev.customs.core.policy.load.PolicyLoader;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {
  private static final String HEAD = """
      apiVersion: customs/v1
      kind: AssurancePolicy
      metadata:
        name: t
      spec:
        controls:
      """;

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("threshold not a severity", HEAD + """
                - type: knownExploited
                - type: vulnerabilitySeverity
                  threshold: SEVERE
            """, "policy.yaml:9: spec.controls[1].threshold: expected one of CRITICAL, HIGH, MEDIUM, LOW, was SEVERE"),
        Arguments.of("unknown control type", HEAD + "    - type: secretz\n",
            "policy.yaml:7: spec.controls[0].type: unknown control type secretz: expected one of vulnerabilitySeverity, cvssScore"),
        Arguments.of("unknown control field", HEAD + "    - type: vulnerabilitySeverity\n      treshold: HIGH\n",
            "policy.yaml:8: spec.controls[0].treshold: unknown field"),
        Arguments.of("missing required control field", HEAD + "    - type: vulnerabilitySeverity\n",
            "policy.yaml:7: spec.controls[0]: missing required field threshold"),
        Arguments.of("number out of range", HEAD + "    - type: epss\n      threshold: 1.5\n",
            "policy.yaml:8: spec.controls[0].threshold: expected a number from 0.0 to 1.0, was 1.5"),
        Arguments.of("string where a number belongs", HEAD + "    - type: imageAge\n      maxDays: ten\n",
            "policy.yaml:8: spec.controls[0].maxDays: expected a whole number, was string ten"),
        Arguments.of("bad regular expression", HEAD + "    - type: labelsRequired\n      labels: [{name: a, value: '(x'}]\n",
            "policy.yaml:8: spec.controls[0].labels[0].value: not a valid regular expression"),
        Arguments.of("bad version range", HEAD + "    - type: packagesBlocked\n      packages:\n        - name: x\n          versions: '~1.0'\n",
            "policy.yaml:10: spec.controls[0].packages[0].versions: expected comparisons like"),
        Arguments.of("range version not of the ecosystem", HEAD + "    - type: packagesBlocked\n      packages:\n"
            + "        - {name: openssl, ecosystem: deb, versions: '>=1.0, <x:1.0'}\n",
            "policy.yaml:9: spec.controls[0].packages[0].versions: not a deb version: x:1.0"),
        Arguments.of("unknown spec field", HEAD.replace("spec:\n", "spec:\n  mode: strict\n") + "    - type: rootUser\n",
            "policy.yaml:6: spec.mode: unknown field"),
        Arguments.of("wrong apiVersion", HEAD.replace("customs/v1", "customs/v2") + "    - type: rootUser\n",
            "policy.yaml:1: apiVersion: expected customs/v1, was customs/v2"),
        Arguments.of("wrong kind", HEAD.replace("AssurancePolicy", "Policy") + "    - type: rootUser\n",
            "policy.yaml:2: kind: expected AssurancePolicy, was Policy"),
        Arguments.of("missing name", HEAD.replace("  name: t\n", "  title: t\n") + "    - type: rootUser\n",
            "policy.yaml:4: metadata: missing required field name"),
        Arguments.of("bad action", HEAD.replace("spec:\n", "spec:\n  action: deny\n") + "    - type: rootUser\n",
            "policy.yaml:6: spec.action: expected one of BLOCK, AUDIT, was deny"),
        Arguments.of("bad enforceFrom date", HEAD.replace("spec:\n", "spec:\n  enforceFrom: 2026-13-01\n") + "    - type: rootUser\n",
            "policy.yaml:6: spec.enforceFrom: expected a date (YYYY-MM-DD), was 2026-13-01"),
        Arguments.of("exception without justification", HEAD + "    - type: rootUser\n  exceptions:\n    - vulnerability: CVE-1\n      author: me\n",
            "policy.yaml:9: spec.exceptions[0]: missing required field justification"),
        Arguments.of("controls not a list", HEAD.replace("  controls:\n", "  controls: rootUser\n"),
            "policy.yaml:6: spec.controls: expected a list, was string rootUser"),
        Arguments.of("duplicate field", HEAD + "    - type: epss\n      threshold: 0.5\n      threshold: 0.7\n",
            "policy.yaml:9: spec.controls[0].threshold: duplicate field (also on line 8)"),
        Arguments.of("YAML syntax error", HEAD + "    - type: [rootUser\n", "policy.yaml:7: not valid YAML"),
        Arguments.of("empty document", "", "policy.yaml:1: the document is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void reportsTheLineAndField(String name, String document, String message) {
    assertThatThrownBy(() -> new PolicyLoader().parse("policy.yaml", document))
        .isInstanceOfSatisfying(PolicyFormatException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
  }

  @Test
  void reportsEveryProblemOfADocumentAtOnce() {
    String document = HEAD + """
            - type: vulnerabilitySeverity
              threshold: SEVERE
            - type: nope
            - type: epss
              threshold: 2
        """;
    assertThatThrownBy(() -> new PolicyLoader().parse("p.yaml", document))
        .isInstanceOfSatisfying(PolicyFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.substring(0, p.indexOf(':', 7)))
            .containsExactly("p.yaml:8", "p.yaml:9", "p.yaml:11"));
  }

  @Test
  void readsJsonWithLinesToo() {
    String json = """
        {
          "apiVersion": "customs/v1",
          "kind": "AssurancePolicy",
          "metadata": {"name": "j"},
          "spec": {
            "controls": [
              {"type": "cvssScore", "minScore": 11}
            ]
          }
        }
        """;
    assertThatThrownBy(() -> new PolicyLoader().parse("p.json", json))
        .hasMessage("p.json:7: spec.controls[0].minScore: expected a number from 0.0 to 10.0, was 11");
  }

  @Test
  void readsAFullPolicy() throws Exception {
    Policy policy = new PolicyLoader().parse("full.yaml", """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: payments
          description: Payments images
        spec:
          scope:
            registries: [registry.example.com]
            repositories: ['payments/**']
            tags: ['v*']
            labels: {team: 'pay.*'}
          action: audit
          enforceAfterDays: 14
          enforceFrom: 2026-12-01
          controls:
            - type: vulnerabilitySeverity
              threshold: HIGH
              action: block
          exceptions:
            - vulnerability: CVE-2021-44228
              package: org.apache.logging.log4j:log4j-core
              justification: JNDI lookups disabled
              author: alice@example.com
              expires: 2027-01-31
        """);
    assertThat(policy.name()).isEqualTo("payments");
    assertThat(policy.action()).isEqualTo(PolicyAction.AUDIT);
    assertThat(policy.actionOf(policy.controls().get(0))).isEqualTo(PolicyAction.BLOCK);
    assertThat(policy.enforceAfterDays()).contains(14L);
    assertThat(policy.enforceFrom()).contains(LocalDate.of(2026, 12, 1));
    assertThat(policy.controls().get(0).line()).isEqualTo(16);
    assertThat(policy.exceptions().get(0).expires()).contains(LocalDate.of(2027, 1, 31));
    assertThat(policy.scope().describe()).contains("payments/**").contains("team matching /pay.*/");
  }

  @Test
  void theBaselinesLoadAndUseOnlyKnownControls() {
    for (String name : BaselinePolicies.names()) {
      Policy policy = BaselinePolicies.load(name);
      assertThat(policy.name()).isEqualTo(name);
      assertThat(policy.controls()).allSatisfy(c -> assertThat(ControlTypes.names()).contains(c.control().type()));
    }
    assertThat(BaselinePolicies.load("strict").controls()).hasSizeGreaterThan(BaselinePolicies.load("baseline").controls().size());
    assertThatThrownBy(() -> BaselinePolicies.load("lenient")).hasMessageContaining("expected one of [baseline, strict]");
  }
}
