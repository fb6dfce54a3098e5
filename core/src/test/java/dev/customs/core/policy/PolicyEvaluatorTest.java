package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.load.BaselinePolicies;
import dev.customs.core.policy.load.PolicyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scope, actions, enforcement grace and exceptions, on the real app image with Log4Shell in it. */
class PolicyEvaluatorTest {
  private static final Instant NOW = ControlsOnRealImagesTest.NOW;

  private static EvaluationContext app(String reference) {
    Inventory app = PolicyImages.app();
    return new EvaluationContext(app, Optional.of(PolicyImages.ref(reference)),
        Optional.of(SyntheticVulnerabilities.of(app)), Optional.of(VulnDataFacts.builtAt(NOW)), NOW);
  }

  private static Policy policy(String spec) throws PolicyFormatException {
    return new PolicyLoader().parse("test.yaml", """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata: {name: test}
        spec:
        """ + spec.indent(2));
  }

  static Stream<Arguments> scopes() {
    return Stream.of(
        Arguments.of("no scope", "", "registry.example.com/team/app:1.0", true),
        Arguments.of("registry matches", "scope: {registries: [registry.example.com]}", "registry.example.com/team/app:1.0", true),
        Arguments.of("registry differs", "scope: {registries: [ghcr.io]}", "registry.example.com/team/app:1.0", false),
        Arguments.of("repository glob across segments", "scope: {repositories: ['team/**']}", "registry.example.com/team/sub/app:1.0", true),
        Arguments.of("repository glob within a segment", "scope: {repositories: ['team/*']}", "registry.example.com/team/sub/app:1.0", false),
        Arguments.of("tag glob", "scope: {tags: ['1.*']}", "registry.example.com/team/app:1.0", true),
        Arguments.of("tag glob differs", "scope: {tags: ['release-*']}", "registry.example.com/team/app:1.0", false),
        Arguments.of("label pattern matches", "scope: {labels: {org.opencontainers.image.title: 'debian12-.*'}}", "registry.example.com/team/app:1.0", true),
        Arguments.of("label pattern differs", "scope: {labels: {org.opencontainers.image.title: 'shop'}}", "registry.example.com/team/app:1.0", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void scopeDecidesWhetherThePolicyJudges(String name, String scope, String reference, boolean inScope) throws Exception {
    Policy policy = policy(scope + "\ncontrols: [{type: knownExploited}]");
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy), app(reference));
    PolicyAssessment judged = assessment.policies().get(0);
    assertThat(judged.inScope()).isEqualTo(inScope);
    assertThat(judged.controls()).hasSize(inScope ? 1 : 0);
    assertThat(assessment.compliant()).isEqualTo(!inScope);
  }

  @Test
  void auditPoliciesAndAuditControlsOnlyWarn() throws Exception {
    Policy audit = policy("action: audit\ncontrols: [{type: knownExploited}]");
    Policy mixed = policy("controls: [{type: rootUser, action: audit}, {type: secrets}]");
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(audit, mixed), app("r.example/a:1"));
    assertThat(assessment.compliant()).isTrue();
    assertThat(assessment.policies().get(0).controls().get(0).verdict()).isEqualTo(Verdict.WARN);
    assertThat(assessment.policies().get(1).controls()).extracting(ControlAssessment::verdict)
        .containsExactly(Verdict.WARN, Verdict.PASS);
  }

  @Test
  void aBlockingFailureMakesTheImageNonCompliant() throws Exception {
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy("controls: [{type: knownExploited}]")),
        app("r.example/a:1"));
    assertThat(assessment.compliant()).isFalse();
    ControlAssessment control = assessment.policies().get(0).controls().get(0);
    assertThat(control.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(control.result().offenses()).singleElement().asString()
        .contains("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1").contains("layer 5723d35e4528");
  }

  @Test
  void enforceAfterDaysWarnsUntilTheGracePeriodFromTheFirstFailureEnds() throws Exception {
    Policy policy = policy("enforceAfterDays: 7\ncontrols: [{type: knownExploited}]");
    var recent = new PolicyEvaluator(Suppressions.NONE, (p, c) -> Optional.of(NOW.minus(Duration.ofDays(3))));
    var old = new PolicyEvaluator(Suppressions.NONE, (p, c) -> Optional.of(NOW.minus(Duration.ofDays(8))));
    Assessment inGrace = recent.evaluate(List.of(policy), app("r.example/a:1"));
    Assessment firstTime = new PolicyEvaluator().evaluate(List.of(policy), app("r.example/a:1"));
    Assessment enforced = old.evaluate(List.of(policy), app("r.example/a:1"));

    assertThat(inGrace.compliant()).isTrue();
    assertThat(inGrace.policies().get(0).controls().get(0).note()).contains("blocks from 2026-12-05");
    assertThat(firstTime.compliant()).isTrue();
    assertThat(enforced.compliant()).isFalse();
  }

  @Test
  void enforceFromWarnsBeforeTheDate() throws Exception {
    Assessment before = new PolicyEvaluator().evaluate(
        List.of(policy("enforceFrom: 2026-12-02\ncontrols: [{type: knownExploited}]")), app("r.example/a:1"));
    Assessment after = new PolicyEvaluator().evaluate(
        List.of(policy("enforceFrom: 2026-12-01\ncontrols: [{type: knownExploited}]")), app("r.example/a:1"));
    assertThat(before.compliant()).isTrue();
    assertThat(before.policies().get(0).controls().get(0).note()).isEqualTo("not enforced before 2026-12-02");
    assertThat(after.compliant()).isFalse();
  }

  static Stream<Arguments> exceptions() {
    return Stream.of(
        Arguments.of("by id", "vulnerability: CVE-2021-44228", true, ""),
        Arguments.of("by alias", "vulnerability: GHSA-jfh8-c2jp-5v3q", true, ""),
        Arguments.of("narrowed to the package", "vulnerability: CVE-2021-44228\n  package: org.apache.logging.log4j:log4j-core", true, ""),
        Arguments.of("narrowed to another package", "vulnerability: CVE-2021-44228\n  package: log4j", false, ""),
        Arguments.of("narrowed to the registry and repository", "vulnerability: CVE-2021-44228\n  registry: registry.example.com\n  repository: 'team/*'", true, ""),
        Arguments.of("narrowed to another repository", "vulnerability: CVE-2021-44228\n  repository: 'shop/*'", false, ""),
        Arguments.of("narrowed to another digest", "vulnerability: CVE-2021-44228\n  digest: sha256:0000", false, ""),
        Arguments.of("not yet expired", "vulnerability: CVE-2021-44228\n  expires: 2026-12-01", true, ""),
        Arguments.of("expired", "vulnerability: CVE-2021-44228\n  expires: 2026-11-30", false, "expired on 2026-11-30 and no longer applies"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exceptions")
  void exceptionsSuppressWhatTheyCover(String name, String exception, boolean suppressed, String note) throws Exception {
    Policy policy = policy("controls: [{type: knownExploited}]\nexceptions:\n- " + exception
        + "\n  justification: JNDI lookups disabled\n  author: alice");
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy), app("registry.example.com/team/app:1.0"));
    PolicyAssessment judged = assessment.policies().get(0);
    assertThat(assessment.compliant()).isEqualTo(suppressed);
    assertThat(judged.suppressed()).hasSize(suppressed ? 1 : 0);
    if (suppressed) {
      assertThat(judged.suppressed().get(0).reason()).startsWith("JNDI lookups disabled (alice");
    }
    assertThat(String.join("\n", judged.notes())).contains(note);
  }

  @Test
  void theIgnoreFileSuppressesForEveryPolicyAndSaysWhenAnEntryExpired() throws Exception {
    IgnoreFile ignore = IgnoreFile.parse(".customsignore", """
        # accepted risks
        CVE-2021-44228 exp:2026-12-31 # not reachable
        CVE-2026-0001 exp:2026-11-01
        """);
    var evaluator = new PolicyEvaluator(new Suppressions(List.of(ignore), List.of()), FailureHistory.NONE);
    Assessment assessment = evaluator.evaluate(
        List.of(policy("controls: [{type: vulnerabilitySeverity, threshold: MEDIUM}]")), app("r.example/a:1"));

    assertThat(assessment.suppressed()).singleElement().hasToString(
        "CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1 suppressed by ignorefile .customsignore:2: "
            + "not reachable (until 2026-12-31)");
    assertThat(assessment.notes()).containsExactly(
        ".customsignore:3: ignore entry CVE-2026-0001 expired on 2026-11-01 and no longer applies");
    assertThat(assessment.compliant()).isFalse();
    assertThat(assessment.policies().get(0).controls().get(0).result().offenses()).singleElement().asString()
        .contains("CVE-2026-0001 in libc6");
  }

  @Test
  void theBaselineBlocksLog4ShellAndAuditsRootAndHealthcheck() {
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(BaselinePolicies.load("baseline")), app("r.example/a:1"));
    assertThat(assessment.compliant()).isFalse();
    assertThat(assessment.policies().get(0).controls()).extracting(c -> c.id() + " " + c.verdict()).containsExactly(
        "controls[0] vulnerabilitySeverity BLOCK", "controls[1] knownExploited BLOCK", "controls[2] secrets PASS",
        "controls[3] rootUser WARN", "controls[4] healthcheck WARN");
  }

  @Test
  void aControlWithoutDataIsAnErrorAndBlocks() throws Exception {
    Inventory alpine = PolicyImages.alpine();
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy("controls: [{type: knownExploited}]")),
        EvaluationContext.of(alpine, NOW));
    ControlAssessment control = assessment.policies().get(0).controls().get(0);
    assertThat(control.result().outcome()).isEqualTo(ControlResult.Outcome.ERROR);
    assertThat(control.verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void aControlThatThrowsIsReportedAsAnErrorAndTheOthersStillRun() {
    Control broken = new Control() {
      @Override public String type() {
        return "broken";
      }

      @Override public String explain() {
        return "always throws";
      }

      @Override public ControlResult evaluate(EvaluationContext context) {
        throw new IllegalStateException("index out of range");
      }
    };
    Policy base = BaselinePolicies.load("baseline");
    Policy policy = new Policy("p", "", "test", Scope.ALL, PolicyAction.BLOCK, Optional.empty(), Optional.empty(),
        List.of(new PolicyControl("controls[0] broken", broken, Optional.empty(), 1), base.controls().get(2)), List.of());
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy), app("r.example/a:1"));
    List<ControlAssessment> controls = assessment.policies().get(0).controls();
    assertThat(controls.get(0).result().outcome()).isEqualTo(ControlResult.Outcome.ERROR);
    assertThat(controls.get(0).result().reasons()).containsExactly(
        "control broken failed: java.lang.IllegalStateException: index out of range");
    assertThat(controls.get(1).verdict()).isEqualTo(Verdict.PASS);
    assertThat(assessment.compliant()).isFalse();
  }

  @Test
  void anImageWithoutRegistryNameIsOnlyInScopeOfPoliciesWithoutNameCriteria() throws Exception {
    Policy byRepository = policy("scope: {repositories: ['**']}\ncontrols: [{type: rootUser}]");
    Policy byLabel = policy("scope: {labels: {org.opencontainers.image.title: '.+'}}\ncontrols: [{type: rootUser}]");
    EvaluationContext archive = new EvaluationContext(PolicyImages.app(), Optional.empty(), Optional.of(List.of()),
        Optional.empty(), NOW);
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(byRepository, byLabel), archive);
    assertThat(assessment.policies()).extracting(PolicyAssessment::inScope).containsExactly(false, true);
  }

  @Test
  void anExceptionNarrowedToTheImageDigestApplies() throws Exception {
    String digest = PolicyImages.app().image().manifestDigest().toString();
    Policy policy = policy("controls: [{type: knownExploited}]\nexceptions:\n- vulnerability: CVE-2021-44228\n  digest: "
        + digest + "\n  justification: accepted for this build\n  author: bob");
    Assessment assessment = new PolicyEvaluator().evaluate(List.of(policy), app("r.example/a:1"));
    assertThat(assessment.compliant()).isTrue();
    assertThat(assessment.policies().get(0).suppressed()).singleElement()
        .hasToString("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1 suppressed by exception of policy "
            + "test: accepted for this build (bob)");
  }
}
