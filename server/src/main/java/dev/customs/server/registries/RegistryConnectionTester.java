package dev.customs.server.registries;

import dev.customs.core.registry.FetchedManifest;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryException;
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
 * {@code POST /api/v1/registries/{id}/test}: checks, in order, that the server may and can connect
 * (address, reachable, tls), then what the credentials allow (catalog, pull on a sample
 * repository). {@code auth} is judged from those calls: a registry only reveals whether credentials
 * are good when they are used for something. A failed step skips the steps that depend on it.
 */
@Service
public class RegistryConnectionTester {
  private static final int SAMPLE_PAGE = 10;

  private final RegistryService registries;
  private final RegistryNetworkProbe probe;
  private final RegistryClientFactory clients;

  public RegistryConnectionTester(RegistryService registries, RegistryNetworkProbe probe,
      RegistryClientFactory clients) {
    this.registries = registries;
    this.probe = probe;
    this.clients = clients;
  }

  public RegistryTestReport test(UUID id, Optional<String> sampleRepository) {
    Registry registry = registries.find(id);
    RegistryTestSteps steps = new RegistryTestSteps();
    if (registry.connector() != null) {
      for (String name : List.of("address", "reachable", "tls", "auth", "catalog", "pull")) {
        steps.skip(name, "reached through connector " + registry.connector() + "; this server does not connect itself");
      }
      return RegistryTestReport.of(id, steps.all());
    }
    boolean connected = steps.run("address", () -> probe.address(registry))
        && steps.run("reachable", () -> probe.reachable(registry));
    if (connected && registry.url().startsWith("https://")) {
      connected = steps.run("tls", () -> probe.tls(registry));
    } else if (connected) {
      steps.skip("tls", "plain HTTP (insecure: true): traffic and credentials are not encrypted");
    }
    if (!connected) {
      for (String name : List.of("address", "reachable", "tls", "auth", "catalog", "pull")) {
        if (steps.all().stream().noneMatch(s -> s.name().equals(name))) {
          steps.skip(name, "an earlier step failed");
        }
      }
      return RegistryTestReport.of(id, steps.all());
    }
    apiSteps(registry, sampleRepository, steps);
    return RegistryTestReport.of(id, steps.all());
  }

  private void apiSteps(Registry registry, Optional<String> sampleRepository, RegistryTestSteps steps) {
    int authIndex = steps.size();
    List<RegistryException> failures = new ArrayList<>();
    List<String> catalog = new ArrayList<>();
    try (RegistryClient client = clients.open(registry)) {
      boolean listed = steps.run("catalog", () -> {
        catalog.addAll(recording(failures, () -> client.listRepositories(SAMPLE_PAGE)));
        return "lists repositories (" + catalog.size() + " on the first page" + (catalog.isEmpty() ? "" : ", e.g. "
            + catalog.getFirst()) + ")";
      });
      Optional<String> sample = sampleRepository.or(() -> catalog.stream().findFirst());
      boolean pulled = sample.isPresent() && steps.run("pull", () -> pull(client, sample.get(), failures));
      if (sample.isEmpty()) {
        steps.skip("pull", "no repository to try: name one in the request body ({\"repository\": \"team/app\"})");
      }
      steps.add(authIndex, auth(registry, listed || pulled, failures));
    } catch (IOException e) {
      steps.add(authIndex, new RegistryTestStep("auth", Outcome.FAILED, e.getMessage(), 0));
    }
  }

  private static String pull(RegistryClient client, String repository, List<RegistryException> failures)
      throws RegistryException {
    List<String> tags = recording(failures, () -> client.listTags(repository, SAMPLE_PAGE));
    if (tags.isEmpty()) {
      throw new RegistryException("list tags of", repository, "the repository has no tags to pull");
    }
    FetchedManifest manifest = recording(failures, () -> client.fetchManifest(repository, tags.getFirst()));
    return "pulled the manifest of " + repository + ":" + tags.getFirst() + " (" + manifest.digest() + ")";
  }

  private static RegistryTestStep auth(Registry registry, boolean anySucceeded, List<RegistryException> failures) {
    boolean unauthorized = failures.stream().anyMatch(f -> f.status() == 401);
    boolean anonymous = registry.authKind() == AuthKind.NONE;
    if (anySucceeded) {
      return new RegistryTestStep("auth", Outcome.OK, anonymous ? "anonymous access accepted"
          : "credentials accepted", 0);
    }
    if (unauthorized) {
      return new RegistryTestStep("auth", Outcome.FAILED, anonymous
          ? "the registry requires credentials: add a username and password or a token"
          : "the registry rejected the credentials (401): check the username and password or token", 0);
    }
    return new RegistryTestStep("auth", Outcome.SKIPPED,
        "not judged: no call got far enough to show whether the credentials are accepted", 0);
  }

  /** A registry call whose failure is also remembered, so auth can be judged from it. */
  @FunctionalInterface
  private interface RegistryCall<T> {
    T call() throws RegistryException;
  }

  private static <T> T recording(List<RegistryException> failures, RegistryCall<T> call) throws RegistryException {
    try {
      return call.call();
    } catch (RegistryException e) {
      failures.add(e);
      throw e;
    }
  }
}
