package dev.customs.core.policy;

import java.util.Optional;

/**
 * A control as a policy lists it.
 *
 * @param id {@code controls[N] type}, stable within the policy: the key of "first failed at" history
 * @param action overrides the policy's action for this control (e.g. audit one check of a blocking
 *     policy)
 * @param line where it was written
 */
public record PolicyControl(String id, Control control, Optional<PolicyAction> action, int line) {}
