package dev.customs.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says what a policy checks, in plain words: the text of {@code customs policy explain}. */
public final class PolicyExplainer {
  private PolicyExplainer() {}

  public static List<String> explain(Policy policy) {
    List<String> lines = new ArrayList<>();
    lines.add("Policy " + policy.name() + " (" + policy.source() + ")"
        + (policy.description().isEmpty() ? "" : ": " + policy.description()));
    lines.add("Applies to " + policy.scope().describe() + ".");
    lines.add(policy.action() == PolicyAction.BLOCK
        ? "A failing control makes the image non-compliant, unless marked audit."
        : "Audit only: failures are reported and never make the image non-compliant.");
    policy.enforceAfterDays().ifPresent(d -> lines.add(
        "A newly failing control only warns for " + d + " days (counted from its first failure) before it blocks."));
    policy.enforceFrom().ifPresent(d -> lines.add("Failing controls only warn before " + d + "."));
    lines.add("Controls:");
    for (PolicyControl c : policy.controls()) {
      String action = c.action().filter(a -> a != policy.action())
          .map(a -> " [" + a.name().toLowerCase(Locale.ROOT) + "]").orElse("");
      lines.add("  " + (policy.controls().indexOf(c) + 1) + ". " + c.control().explain() + action);
    }
    if (!policy.exceptions().isEmpty()) {
      lines.add("Exceptions (not counted):");
      policy.exceptions().forEach(e -> lines.add("  - " + e.describe()));
    }
    return lines;
  }
}
