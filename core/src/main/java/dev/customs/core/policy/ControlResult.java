package dev.customs.core.policy;

import java.util.List;

/**
 * The outcome of one control on one image.
 *
 * @param reasons why, in words (for a pass: what was checked)
 * @param offenses what made it fail, empty when it passed
 */
public record ControlResult(Outcome outcome, List<String> reasons, List<Offense> offenses) {
  /** PASS, FAIL, or ERROR when the control could not judge (missing data): never silently passed. */
  public enum Outcome { PASS, FAIL, ERROR }

  public ControlResult {
    reasons = List.copyOf(reasons);
    offenses = List.copyOf(offenses);
  }

  public static ControlResult pass(String reason) {
    return new ControlResult(Outcome.PASS, List.of(reason), List.of());
  }

  public static ControlResult error(String reason) {
    return new ControlResult(Outcome.ERROR, List.of(reason), List.of());
  }

  /** Fails with the offenses, or passes with {@code passReason} when there are none. */
  public static ControlResult failIfAny(List<Offense> offenses, String failReason, String passReason) {
    return offenses.isEmpty() ? pass(passReason)
        : new ControlResult(Outcome.FAIL, List.of(failReason), offenses);
  }
}
