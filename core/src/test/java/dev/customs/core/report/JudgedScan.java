package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.FindingViews;
import dev.customs.core.policy.PolicyEvaluator;
import dev.customs.core.policy.load.BaselinePolicies;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.match.VulnMatcher;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The real debian12-app image matched against the real test records and judged by the built-in
 * {@code baseline} policy (which it fails: Log4Shell is known exploited), computed once per run.
 */
final class JudgedScan {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static ScanResult app;

  private JudgedScan() {}

  static synchronized ScanResult app() throws Exception {
    if (app == null) {
      Inventory inventory = TestImages.inventory("debian12-app");
      try (VulnDb db = VulnDb.open(TestVulnData.sharedBundle())) {
        MatchResult match = new VulnMatcher(db).match(inventory);
        EvaluationContext context = EvaluationContext.of(inventory, NOW)
            .withVulnerabilities(FindingViews.of(match.findings())).withVulnData(FindingViews.facts(match));
        Assessment assessment = new PolicyEvaluator().evaluate(List.of(BaselinePolicies.load("baseline")), context);
        app = new ScanResult(inventory, match, Optional.of(assessment));
      }
    }
    return app;
  }

  static String write(String format, ScanResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanFormats.byName(format).orElseThrow().write(result, SampleInventory.CONTEXT, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
