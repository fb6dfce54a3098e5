package dev.customs.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges an image against policies: applies the pipeline's suppressions (ignore files, VEX), then for
 * each policy in scope its exceptions and controls, and decides whether each failure blocks.
 */
public final class PolicyEvaluator {
  private final Suppressions suppressions;
  private final FailureHistory history;

  public PolicyEvaluator(Suppressions suppressions, FailureHistory history) {
    this.suppressions = suppressions;
    this.history = history;
  }

  public PolicyEvaluator() {
    this(Suppressions.NONE, FailureHistory.NONE);
  }

  public Assessment evaluate(List<Policy> policies, EvaluationContext context) {
    LocalDate today = today(context);
    EvaluationContext judged = context;
    List<Suppression> suppressed = List.of();
    List<String> notes = List.of();
    if (context.vulnerabilities().isPresent()) {
      Suppressions.Result result = suppressions.apply(context.vulnerabilities().get(), today);
      judged = context.withVulnerabilities(result.kept());
      suppressed = result.suppressed();
      notes = result.notes();
    }
    List<PolicyAssessment> assessed = new ArrayList<>();
    for (Policy policy : policies) {
      assessed.add(evaluate(policy, judged));
    }
    boolean compliant = assessed.stream().noneMatch(PolicyAssessment::blocks);
    return new Assessment(compliant, assessed, suppressed, notes);
  }

  private PolicyAssessment evaluate(Policy policy, EvaluationContext context) {
    if (!policy.scope().matches(context.reference(), context.inventory().image().labels())) {
      return new PolicyAssessment(policy.name(), policy.source(), policy.action(), false, List.of(), List.of(),
          List.of());
    }
    PolicyExceptions.Result excepted = PolicyExceptions.apply(policy, context, today(context));
    List<ControlAssessment> controls = new ArrayList<>();
    for (PolicyControl control : policy.controls()) {
      controls.add(assess(policy, control, excepted.context()));
    }
    return new PolicyAssessment(policy.name(), policy.source(), policy.action(), true, controls,
        excepted.suppressed(), excepted.notes());
  }

  private ControlAssessment assess(Policy policy, PolicyControl control, EvaluationContext context) {
    ControlResult result = run(control.control(), context);
    PolicyAction action = policy.actionOf(control);
    String explanation = control.control().explain();
    if (result.outcome() == ControlResult.Outcome.PASS) {
      return new ControlAssessment(control.id(), explanation, action, result, Verdict.PASS, "");
    }
    if (action == PolicyAction.AUDIT) {
      return new ControlAssessment(control.id(), explanation, action, result, Verdict.WARN, "audit only");
    }
    Optional<String> grace = gracePeriod(policy, control, context.now());
    return new ControlAssessment(control.id(), explanation, action, result,
        grace.isPresent() ? Verdict.WARN : Verdict.BLOCK, grace.orElse(""));
  }

  /** Why a blocking failure only warns for now, if it does. */
  private Optional<String> gracePeriod(Policy policy, PolicyControl control, Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    if (policy.enforceFrom().isPresent() && today.isBefore(policy.enforceFrom().get())) {
      return Optional.of("not enforced before " + policy.enforceFrom().get());
    }
    if (policy.enforceAfterDays().isPresent()) {
      Instant first = history.firstFailed(policy.name(), control.id()).orElse(now);
      Instant enforced = first.plus(Duration.ofDays(policy.enforceAfterDays().get()));
      if (now.isBefore(enforced)) {
        return Optional.of("failing since " + first + ", blocks from " + enforced);
      }
    }
    return Optional.empty();
  }

  /** A control that throws is a bug in that control: report it as an error, keep judging the rest. */
  private static ControlResult run(Control control, EvaluationContext context) {
    try {
      return control.evaluate(context);
    } catch (RuntimeException e) {
      return ControlResult.error("control " + control.type() + " failed: " + e);
    }
  }

  private static LocalDate today(EvaluationContext context) {
    return context.now().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
