package dev.customs.core.registry.provider;

import java.util.List;
import java.util.Optional;

/** The steps of one connection test, in order: reachable, tls, auth, catalog, pull. */
public record ConnectionReport(List<ConnectionStep> steps) {

  public ConnectionReport {
    steps = List.copyOf(steps);
  }

  /** Whether no step failed. */
  public boolean ok() {
    return steps.stream().noneMatch(s -> s.status() == ConnectionStep.Status.FAIL);
  }

  public Optional<ConnectionStep> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
