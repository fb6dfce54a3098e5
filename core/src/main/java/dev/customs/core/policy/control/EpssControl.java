package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.document.SpecReader;

/** Fails on vulnerabilities whose EPSS probability of exploitation reaches {@code threshold} (0 to 1). */
public record EpssControl(double threshold, VulnerabilityFilter filter) implements Control {
  public static final String TYPE = "epss";

  static EpssControl read(SpecReader spec) {
    spec.require("threshold");
    return new EpssControl(spec.number("threshold", 0, 1).orElse(1.0), VulnerabilityFilter.read(spec));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when a vulnerability's EPSS score (the probability of exploitation in the next 30 days) is "
        + threshold + " or more" + filter.describe() + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    return VulnerabilityChecks.evaluate(context, filter, v -> v.epss().map(e -> e >= threshold).orElse(false),
        "vulnerabilities with an EPSS score of " + threshold + " or more");
  }
}
