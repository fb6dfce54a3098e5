package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.NexusWebhookParser;
import java.io.IOException;

/**
 * Sonatype Nexus Repository: a user and password on both the Docker connector and the REST API.
 * The Docker connector usually listens on its own port, so the REST API's URL is option
 * {@code apiUrl} (default: the integration URL); option {@code repository} (required) is the
 * Docker repository to enumerate with the search API.
 */
public final class NexusRegistryProvider extends AbstractRegistryProvider {
  public NexusRegistryProvider() {
    super("nexus", new NexusWebhookParser());
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    ApiClient api = new ApiClient(integration.option("apiUrl").orElse(ApiAuthorization.baseUrl(integration)), options,
        ApiAuthorization.basicOrBearer(integration));
    return new NexusEnumerator(api, integration.requireOption("repository"));
  }
}
