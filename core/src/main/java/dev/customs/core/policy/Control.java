package dev.customs.core.policy;

/**
 * One check of an assurance policy. Implementations live in {@code dev.customs.core.policy.control},
 * one class each, listed in {@code ControlTypes}; they are immutable
 * values read from a policy document and may be evaluated from several threads.
 *
 * <p>A control never throws for an image it cannot judge: it returns an ERROR result saying which
 * input was missing (e.g. no vulnerability data), which the evaluator treats as blocking.
 */
public interface Control {
  /** The {@code type} written in policy documents, e.g. {@code vulnerabilitySeverity}. */
  String type();

  /** What the control checks, in plain words, for {@code customs policy explain}. */
  String explain();

  ControlResult evaluate(EvaluationContext context);
}
