package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.document.SpecReader;
import dev.customs.core.vuln.model.SeverityLevel;

/** Fails on vulnerabilities at or above a severity: {@code threshold: HIGH}. */
public record SeverityThresholdControl(Threshold threshold, VulnerabilityFilter filter) implements Control {
  public static final String TYPE = "vulnerabilitySeverity";

  /** The severities a policy may name as a threshold. */
  public enum Threshold { CRITICAL, HIGH, MEDIUM, LOW }

  static SeverityThresholdControl read(SpecReader spec) {
    Threshold threshold = spec.choice("threshold", Threshold.class).orElse(Threshold.CRITICAL);
    spec.require("threshold");
    return new SeverityThresholdControl(threshold, VulnerabilityFilter.read(spec));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when a vulnerability of severity " + threshold + " or higher is found" + filter.describe() + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    SeverityLevel min = SeverityLevel.valueOf(threshold.name());
    return VulnerabilityChecks.evaluate(context, filter, v -> v.severity().compareTo(min) >= 0,
        "vulnerabilities of severity " + threshold + " or higher");
  }
}
