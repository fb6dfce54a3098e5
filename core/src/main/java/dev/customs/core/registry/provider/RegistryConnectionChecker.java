package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryHosts;
import dev.customs.core.registry.RegistryOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console's "test connection" reports for a registry integration: can the host be reached,
 * does TLS verify, are the credentials accepted, may they list repositories, and may they pull from
 * a sample repository. Each step stops the ones that depend on it; nothing throws.
 */
public final class RegistryConnectionChecker {
  private final RegistryOptions options;

  public RegistryConnectionChecker(RegistryOptions options) {
    this.options = options;
  }

  /** @param sampleRepository the repository to pull from, or null for the first one listed */
  public ConnectionReport run(RegistryIntegration integration, String sampleRepository) {
    List<ConnectionStep> steps = new ArrayList<>();
    RegistryProvider provider = RegistryProviders.forType(integration.type());
    ConnectionStep reachable = reachable(integration);
    steps.add(reachable);
    ConnectionStep tls = reachable.status() == ConnectionStep.Status.PASS
        ? new V2Probe(integration, options).tls() : ConnectionStep.skipped("tls", "the host is not reachable");
    steps.add(tls);
    if (tls.status() == ConnectionStep.Status.FAIL || reachable.status() == ConnectionStep.Status.FAIL) {
      skipRest(steps, "the registry cannot be spoken to");
      return new ConnectionReport(steps);
    }
    RegistryLogin login;
    try {
      login = provider.login(integration, options);
    } catch (IOException | RuntimeException e) {
      steps.add(ConnectionStep.fail("auth", "cannot log in: " + e.getMessage()));
      skipRest(steps, "not logged in");
      return new ConnectionReport(steps);
    }
    ConnectionStep auth = new V2Probe(integration, options).auth(login);
    steps.add(auth);
    if (auth.status() == ConnectionStep.Status.FAIL) {
      skipRest(steps, "the credentials were not accepted");
      return new ConnectionReport(steps);
    }
    String sample = catalog(provider, integration, steps, sampleRepository);
    steps.add(pull(integration, login, sample));
    return new ConnectionReport(steps);
  }

  private ConnectionStep reachable(RegistryIntegration integration) {
    String host = RegistryHosts.apiHost(integration.host());
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > host.lastIndexOf(']');
    String name = hasPort ? host.substring(0, colon) : host;
    int port = hasPort ? Integer.parseInt(host.substring(colon + 1)) : integration.plainHttp() ? 80 : 443;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(name.replace("[", "").replace("]", ""), port),
          (int) options.connectTimeout().toMillis());
      return ConnectionStep.pass("reachable", "connected to " + name + ":" + port);
    } catch (IOException e) {
      return ConnectionStep.fail("reachable", "cannot connect to " + name + ":" + port + ": " + e.getMessage());
    }
  }

  private String catalog(RegistryProvider provider, RegistryIntegration integration, List<ConnectionStep> steps,
      String sampleRepository) {
    try (RegistryEnumerator enumerator = provider.enumerator(integration, options)) {
      List<String> repositories = enumerator.repositories();
      steps.add(ConnectionStep.pass("catalog", "lists " + repositories.size() + " repositories"));
      return sampleRepository != null || repositories.isEmpty() ? sampleRepository : repositories.getFirst();
    } catch (IOException | RuntimeException e) {
      steps.add(ConnectionStep.fail("catalog", "cannot list repositories: " + e.getMessage()));
      return sampleRepository;
    }
  }

  private ConnectionStep pull(RegistryIntegration integration, RegistryLogin login, String sample) {
    if (sample == null) {
      return ConnectionStep.skipped("pull", "no sample repository given and none listed");
    }
    try (RegistryClient client = RegistryClients.open(integration, login, options)) {
      List<String> tags = client.listTags(sample);
      if (tags.isEmpty()) {
        return ConnectionStep.fail("pull", "repository " + sample + " has no tags to pull");
      }
      client.fetchManifest(sample, tags.getFirst());
      return ConnectionStep.pass("pull", "pulled the manifest of " + sample + ":" + tags.getFirst());
    } catch (IOException | RuntimeException e) {
      return ConnectionStep.fail("pull", "cannot pull from " + sample + ": " + e.getMessage());
    }
  }

  private static void skipRest(List<ConnectionStep> steps, String reason) {
    for (String name : List.of("tls", "auth", "catalog", "pull")) {
      if (steps.stream().noneMatch(s -> s.name().equals(name))) {
        steps.add(ConnectionStep.skipped(name, reason));
      }
    }
  }
}
