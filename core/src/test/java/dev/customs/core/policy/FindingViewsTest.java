package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.load.BaselinePolicies;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.match.VulnMatcher;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.testkit.TestVulnData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline on the real app image, matched by the real matcher against the real test data. */
class FindingViewsTest {
  @Test
  void theBaselineBlocksLog4ShellFoundByMatching() throws Exception {
    Inventory app = PolicyImages.app();
    try (VulnDb db = VulnDb.open(TestVulnData.sharedBundle())) {
      MatchResult match = new VulnMatcher(db).match(app);
      List<VulnerabilityView> views = FindingViews.of(match.findings());
      EvaluationContext context = EvaluationContext.of(app, ControlsOnRealImagesTest.NOW)
          .withVulnerabilities(views).withVulnData(FindingViews.facts(match));

      VulnerabilityView log4shell = views.stream()
          .filter(v -> v.isNamed("CVE-2021-44228") && v.packageName().endsWith("log4j-core")).findFirst().orElseThrow();
      assertThat(log4shell.severity()).isEqualTo(SeverityLevel.CRITICAL);
      assertThat(log4shell.knownExploited()).isTrue();
      assertThat(log4shell.hasFix()).isTrue();
      assertThat(log4shell.cvssV3()).contains(10.0);
      assertThat(log4shell.layerDiffId()).contains(PolicyImages.pkg(app, "org.apache.logging.log4j:log4j-core").layerDiffId());

      Assessment assessment = new PolicyEvaluator().evaluate(List.of(BaselinePolicies.load("baseline")), context);
      assertThat(assessment.compliant()).isFalse();
      ControlAssessment kev = assessment.policies().get(0).controls().get(1);
      assertThat(kev.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(kev.result().offenses()).extracting(Offense::subject)
          .anyMatch(s -> s.startsWith("CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1"));
    }
  }
}
