package dev.customs.core.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An assurance policy, as read from a document ({@code kind: AssurancePolicy}).
 *
 * @param source where it was read from (a file name or {@code baseline:NAME}), for messages
 * @param enforceAfterDays a newly failing control only warns for this many days before it blocks
 * @param enforceFrom failing controls only warn before this date (for CI runs without history)
 */
public record Policy(
    String name,
    String description,
    String source,
    Scope scope,
    PolicyAction action,
    Optional<Long> enforceAfterDays,
    Optional<LocalDate> enforceFrom,
    List<PolicyControl> controls,
    List<ExceptionRule> exceptions) {

  public Policy {
    controls = List.copyOf(controls);
    exceptions = List.copyOf(exceptions);
  }

  /** The action of one of its controls: the control's own, else the policy's. */
  public PolicyAction actionOf(PolicyControl control) {
    return control.action().orElse(action);
  }
}
