package dev.customs.server.assessments;

import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.Verdict;
import dev.customs.core.vuln.db.BundleMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one scan was judged: what matching found and what the policies made of it. Without
 * vulnerability data the verdict is {@link #UNKNOWN}: the scan was inventoried but not matched, which
 * is not the same as "no vulnerabilities".
 *
 * @param vulnData the bundle matched against; empty when none was loaded
 * @param distroCovered whether the bundle covers the image's distro release, empty when not known
 * @param matchProblems what matching could not compare
 * @param policyRevision the {@code PolicySet} revision it was judged with
 */
public record Judgement(String verdict, List<StoredFinding> findings, Optional<Assessment> assessment,
    Optional<BundleMetadata> vulnData, Optional<Boolean> distroCovered, List<String> matchProblems,
    String policyRevision, Instant judgedAt) {
  public static final String COMPLIANT = "compliant";
  public static final String NON_COMPLIANT = "non_compliant";
  public static final String UNKNOWN = "unknown";
  private static final int NAMED_OFFENSES = 3;

  public Judgement {
    findings = List.copyOf(findings);
    matchProblems = List.copyOf(matchProblems);
  }

  /**
   * The blocking controls that failed, as {@code policy: control: reason (offending items)}. The
   * items (the first {@value #NAMED_OFFENSES}) are what a reader acts on: a notification saying "2
   * known-exploited vulnerabilities" without naming them sends everyone to the console first.
   */
  public List<String> blockingReasons() {
    List<String> reasons = new ArrayList<>();
    assessment.ifPresent(a -> a.policies().forEach(p -> {
      for (ControlAssessment c : p.controls()) {
        if (c.verdict() == Verdict.BLOCK) {
          reasons.add(p.policy() + ": " + c.id() + ": " + String.join("; ", c.result().reasons())
              + offending(c.result().offenses()));
        }
      }
    }));
    return reasons;
  }

  private static String offending(List<Offense> offenses) {
    if (offenses.isEmpty()) {
      return "";
    }
    String named = offenses.stream().limit(NAMED_OFFENSES).map(Offense::subject).collect(Collectors.joining(", "));
    int more = offenses.size() - NAMED_OFFENSES;
    return " (" + named + (more > 0 ? " and " + more + " more" : "") + ")";
  }
}
