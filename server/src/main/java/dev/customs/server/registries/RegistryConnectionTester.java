package dev.customs.server.registries;

import dev.customs.core.registry.provider.ConnectionReport;
import dev.customs.core.registry.provider.ConnectionStep;
import dev.customs.server.registries.dto.RegistryTestReport;
import dev.customs.server.registries.dto.RegistryTestStep;
import dev.customs.server.registries.dto.RegistryTestStep.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/registries/{id}/test}: first whether the server may connect at all (the
 * request-forgery rules, checked again now since DNS answers change), then core's
 * {@link dev.customs.core.registry.provider.RegistryConnectionChecker} (reachable, tls, auth,
 * catalog, pull) with the registry's provider, so the console tests exactly what the CLI does.
 */
@Service
public class RegistryConnectionTester {
  private static final List<String> CORE_STEPS = List.of("reachable", "tls", "auth", "catalog", "pull");

  private final RegistryService registries;
  private final RegistryUrlGuard guard;
  private final RegistryClientFactory clients;

  public RegistryConnectionTester(RegistryService registries, RegistryUrlGuard guard, RegistryClientFactory clients) {
    this.registries = registries;
    this.guard = guard;
    this.clients = clients;
  }

  public RegistryTestReport test(UUID id, Optional<String> sampleRepository) {
    Registry registry = registries.find(id);
    long start = System.nanoTime();
    List<RegistryTestStep> steps = new ArrayList<>();
    if (registry.connector() != null) {
      steps.add(skipped("address", connectorReason(registry)));
      CORE_STEPS.forEach(name -> steps.add(skipped(name, connectorReason(registry))));
      return RegistryTestReport.of(id, millisSince(start), steps);
    }
    try {
      guard.check(registry.url(), registry.url().startsWith("http://"), false);
      steps.add(new RegistryTestStep("address", Outcome.OK,
          "the host is allowed by the request-forgery rules"));
    } catch (RuntimeException e) {
      steps.add(new RegistryTestStep("address", Outcome.FAILED, e.getMessage()));
      CORE_STEPS.forEach(name -> steps.add(skipped(name, "the server may not connect to this address")));
      return RegistryTestReport.of(id, millisSince(start), steps);
    }
    steps.addAll(coreSteps(registry, sampleRepository.orElse(null)));
    return RegistryTestReport.of(id, millisSince(start), steps);
  }

  private List<RegistryTestStep> coreSteps(Registry registry, String sampleRepository) {
    try {
      ConnectionReport report = clients.check(registry, sampleRepository);
      return report.steps().stream().map(RegistryConnectionTester::step).toList();
    } catch (IOException | RuntimeException e) {
      // only the CA's temporary file or an unreadable stored secret get here: core reports the rest as steps
      List<RegistryTestStep> failed = new ArrayList<>();
      failed.add(new RegistryTestStep("reachable", Outcome.FAILED, "cannot prepare the check: " + e.getMessage()));
      CORE_STEPS.stream().skip(1).forEach(name -> failed.add(skipped(name, "an earlier step failed")));
      return failed;
    }
  }

  private static RegistryTestStep step(ConnectionStep step) {
    Outcome outcome = switch (step.status()) {
      case PASS -> Outcome.OK;
      case FAIL -> Outcome.FAILED;
      case SKIPPED -> Outcome.SKIPPED;
    };
    return new RegistryTestStep(step.name(), outcome, step.message());
  }

  private static RegistryTestStep skipped(String name, String reason) {
    return new RegistryTestStep(name, Outcome.SKIPPED, reason);
  }

  private static String connectorReason(Registry registry) {
    return "reached through connector " + registry.connector() + "; this server does not connect itself";
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
