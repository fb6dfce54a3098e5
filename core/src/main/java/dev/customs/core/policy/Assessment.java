package dev.customs.core.policy;

import java.util.List;

/**
 * The judgement of one image against a set of policies: compliant when no blocking policy in scope
 * has a blocking failure.
 *
 * @param suppressed vulnerabilities left out for every policy (ignore files, VEX)
 * @param notes ignore entries that expired
 */
public record Assessment(boolean compliant, List<PolicyAssessment> policies, List<Suppression> suppressed,
    List<String> notes) {

  public Assessment {
    policies = List.copyOf(policies);
    suppressed = List.copyOf(suppressed);
    notes = List.copyOf(notes);
  }
}
