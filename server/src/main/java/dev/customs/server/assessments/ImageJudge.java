package dev.customs.server.assessments;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.analyzer.files.FileRule;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.FindingViews;
import dev.customs.core.policy.PolicyEvaluator;
import dev.customs.core.policy.Suppressions;
import dev.customs.core.policy.VulnDataFacts;
import dev.customs.core.policy.VulnerabilityView;
import dev.customs.core.policy.control.FilesControl;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.match.DistroCoverage;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.match.VulnMatcher;
import dev.customs.server.policies.JudgingPolicies;
import dev.customs.server.policies.PolicySet;
import dev.customs.server.scanning.ScanJudge;
import dev.customs.server.vulndata.VulnerabilityData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Judges inventories the way {@code customs scan --policy} does: core's {@link VulnMatcher} on the
 * loaded bundle, then core's {@link PolicyEvaluator} with the enabled policies. Without a bundle
 * nothing is matched or evaluated: the verdict is {@link Judgement#UNKNOWN}.
 */
@Component
public class ImageJudge implements ScanJudge {
  private final VulnerabilityData vulnData;
  private final JudgingPolicies policies;
  private final JudgementRecorder recorder;
  private final FailureStreaks failures;
  private final Clock clock;

  public ImageJudge(VulnerabilityData vulnData, JudgingPolicies policies, JudgementRecorder recorder,
      FailureStreaks failures, Clock clock) {
    this.vulnData = vulnData;
    this.policies = policies;
    this.recorder = recorder;
    this.failures = failures;
    this.clock = clock;
  }

  @Override
  public Judging start() {
    PolicySet set = currentPolicies();
    return new Judging() {
      @Override
      public List<FileRule> fileRules() {
        return FilesControl.contentRulesOf(set.policies());
      }

      @Override
      public Judged judge(UUID imageId, Inventory inventory) {
        Judgement judgement = match(imageId, inventory, set);
        return (jobId, scannedImageId, scannedAt) -> recorder.record(scannedImageId, jobId, scannedAt, judgement);
      }
    };
  }

  public PolicySet currentPolicies() {
    return policies.current(clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** Matches the image's inventory on the loaded bundle and judges it. */
  public Judgement match(UUID imageId, Inventory inventory, PolicySet set) {
    Instant now = clock.instant();
    Optional<MatchResult> match = vulnData.read(db -> new VulnMatcher(db).match(inventory));
    if (match.isEmpty()) {
      return new Judgement(Judgement.UNKNOWN, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
          List.of(), set.revision(), now);
    }
    MatchResult result = match.get();
    List<StoredFinding> findings = result.findings().stream()
        .map(f -> new StoredFinding(FindingViews.of(f), f.title())).toList();
    Assessment assessment = evaluate(imageId, inventory, findings, FindingViews.facts(result), set, now);
    return new Judgement(verdict(assessment), findings, Optional.of(assessment), Optional.of(result.database()),
        result.distro().map(DistroCoverage::covered), result.problems(), set.revision(), now);
  }

  /** Judges again from what an earlier judgement found with the same bundle: no matching. */
  public Judgement rejudge(UUID imageId, Inventory inventory, List<StoredFinding> findings, BundleMetadata bundle,
      JudgementRepository.Basis basis, PolicySet set) {
    Instant now = clock.instant();
    VulnDataFacts facts = new VulnDataFacts(bundle.builtAt(), basis.distroCovered(), basis.matchProblems());
    Assessment assessment = evaluate(imageId, inventory, findings, facts, set, now);
    return new Judgement(verdict(assessment), findings, Optional.of(assessment), Optional.of(bundle),
        basis.distroCovered(), basis.matchProblems(), set.revision(), now);
  }

  /** The loaded bundle, if any. */
  public Optional<BundleMetadata> loadedBundle() {
    return vulnData.metadata();
  }

  /** The same result and policies as the stored judgement: what reports are written from. */
  public Optional<MatchResult> matchForReport(Inventory inventory) {
    return vulnData.read(db -> new VulnMatcher(db).match(inventory));
  }

  public Assessment evaluate(UUID imageId, Inventory inventory, MatchResult match, PolicySet set) {
    return evaluate(imageId, inventory, match.findings().stream()
        .map(f -> new StoredFinding(FindingViews.of(f), f.title())).toList(), FindingViews.facts(match), set,
        clock.instant());
  }

  /** Core's evaluator, with the image's failure history for {@code enforceAfterDays}. */
  private Assessment evaluate(UUID imageId, Inventory inventory, List<StoredFinding> findings, VulnDataFacts facts,
      PolicySet set, Instant now) {
    List<VulnerabilityView> views = findings.stream().map(StoredFinding::view).toList();
    EvaluationContext context = EvaluationContext.of(inventory, now).withVulnerabilities(views).withVulnData(facts);
    return new PolicyEvaluator(Suppressions.NONE, failures.of(imageId)).evaluate(set.policies(), context);
  }

  private static String verdict(Assessment assessment) {
    return assessment.compliant() ? Judgement.COMPLIANT : Judgement.NON_COMPLIANT;
  }
}
