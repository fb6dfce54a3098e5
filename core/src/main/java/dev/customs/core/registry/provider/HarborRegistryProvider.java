package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.HarborWebhookParser;
import java.io.IOException;

/**
 * Harbor: a user or robot account (basic auth on both the registry and the API). Enumeration
 * walks the projects API (option {@code project} limits it to one), which also shows push times
 * and digests; webhooks in the Default and CloudEvents formats.
 */
public final class HarborRegistryProvider extends AbstractRegistryProvider {
  public HarborRegistryProvider() {
    super("harbor", new HarborWebhookParser());
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    ApiClient api = new ApiClient(ApiAuthorization.baseUrl(integration), options,
        ApiAuthorization.basicOrBearer(integration));
    return new HarborEnumerator(api, integration.option("project").orElse(null));
  }
}
