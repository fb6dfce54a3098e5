package dev.customs.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies a policy's exceptions to the vulnerabilities of a context. */
final class PolicyExceptions {
  private PolicyExceptions() {}

  /** The context without the excepted vulnerabilities, what was suppressed, and expired exceptions. */
  record Result(EvaluationContext context, List<Suppression> suppressed, List<String> notes) {}

  static Result apply(Policy policy, EvaluationContext context, LocalDate today) {
    List<String> notes = new ArrayList<>();
    for (ExceptionRule rule : policy.exceptions()) {
      if (rule.expired(today)) {
        notes.add("exception " + rule.describe() + " expired on " + rule.expires().get() + " and no longer applies");
      }
    }
    if (context.vulnerabilities().isEmpty() || policy.exceptions().isEmpty()) {
      return new Result(context, List.of(), notes);
    }
    String digest = context.inventory().image().manifestDigest().toString();
    List<VulnerabilityView> kept = new ArrayList<>();
    List<Suppression> suppressed = new ArrayList<>();
    for (VulnerabilityView v : context.vulnerabilities().get()) {
      Optional<ExceptionRule> rule = policy.exceptions().stream()
          .filter(r -> !r.expired(today) && r.covers(v, context.reference(), digest)).findFirst();
      rule.ifPresentOrElse(r -> suppressed.add(new Suppression(v, "exception of policy " + policy.name(),
          r.justification() + " (" + r.author() + r.expires().map(e -> ", until " + e).orElse("") + ")")),
          () -> kept.add(v));
    }
    return new Result(context.withVulnerabilities(kept), suppressed, notes);
  }
}
