package dev.customs.core.report;

import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.core.policy.Verdict;
import java.util.List;

/**
 * One control of one policy as the report formats show it: the flat list that JUnit test cases,
 * SARIF policy results and HTML rows are made from.
 */
public record ControlOutcome(String policy, ControlAssessment control) {
  /** Every control of every policy in scope, in policy order. */
  public static List<ControlOutcome> all(Assessment assessment) {
    return assessment.policies().stream().filter(PolicyAssessment::inScope)
        .flatMap(p -> p.controls().stream().map(c -> new ControlOutcome(p.policy(), c))).toList();
  }

  /** The offenses that make the image non-compliant: those of blocking controls. */
  public static List<Blocking> blocking(Assessment assessment) {
    return all(assessment).stream().filter(c -> c.control().verdict() == Verdict.BLOCK)
        .flatMap(c -> c.control().result().offenses().stream().map(o -> new Blocking(c, o))).toList();
  }

  /** {@code policy controls[N] type}: unique within an assessment. */
  public String name() {
    return policy + " " + control.id();
  }

  /** The reasons in one line. */
  public String reasons() {
    String reasons = String.join("; ", control.result().reasons());
    return control.note().isEmpty() ? reasons : reasons + " (" + control.note() + ")";
  }

  /** One offense of a blocking control. */
  public record Blocking(ControlOutcome control, Offense offense) {}
}
