package dev.customs.core.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * When a control of a policy started failing for an image, for {@code enforceAfterDays}: the server
 * answers from its scan history. Without history every failure is new ({@link #NONE}), so a policy
 * with {@code enforceAfterDays} only warns; CI runs use {@code enforceFrom} instead.
 */
@FunctionalInterface
public interface FailureHistory {
  FailureHistory NONE = (policy, controlId) -> Optional.empty();

  /** The first time this control of this policy failed for the image being judged, if known. */
  Optional<Instant> firstFailed(String policy, String controlId);
}
