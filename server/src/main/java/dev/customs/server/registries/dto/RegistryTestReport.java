package dev.customs.server.registries.dto;

import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /api/v1/registries/{id}/test}: {@code ok} when no step failed. */
public record RegistryTestReport(UUID registryId, boolean ok, List<RegistryTestStep> steps) {
  public RegistryTestReport {
    steps = List.copyOf(steps);
  }

  public static RegistryTestReport of(UUID registryId, List<RegistryTestStep> steps) {
    return new RegistryTestReport(registryId,
        steps.stream().noneMatch(s -> s.outcome() == RegistryTestStep.Outcome.FAILED), steps);
  }
}
