package dev.customs.server.registries.dto;

import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /api/v1/registries/{id}/test}: {@code ok} when no step failed;
 * {@code millis} is how long the whole check took.
 */
public record RegistryTestReport(UUID registryId, boolean ok, long millis, List<RegistryTestStep> steps) {
  public RegistryTestReport {
    steps = List.copyOf(steps);
  }

  public static RegistryTestReport of(UUID registryId, long millis, List<RegistryTestStep> steps) {
    return new RegistryTestReport(registryId,
        steps.stream().noneMatch(s -> s.outcome() == RegistryTestStep.Outcome.FAILED), millis, steps);
  }
}
