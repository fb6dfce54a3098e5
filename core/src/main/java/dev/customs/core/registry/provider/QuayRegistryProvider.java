package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.QuayWebhookParser;
import java.io.IOException;
import java.util.Optional;

/**
 * Quay (quay.io and Red Hat Quay). The registry takes a robot account or user and password; the
 * REST API an OAuth application token (option {@code apiToken}; the secret is used when absent).
 * Option {@code namespace} (an organization or user, required) is what gets enumerated, through
 * {@code /api/v1/repository} and the tag API, which shows push times.
 */
public final class QuayRegistryProvider extends AbstractRegistryProvider {
  public QuayRegistryProvider() {
    super("quay", new QuayWebhookParser());
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    Optional<String> token = integration.option("apiToken").or(() -> Optional.ofNullable(integration.secret()))
        .map(t -> "Bearer " + t);
    return new QuayEnumerator(new ApiClient(ApiAuthorization.baseUrl(integration), options, token),
        integration.requireOption("namespace"));
  }
}
