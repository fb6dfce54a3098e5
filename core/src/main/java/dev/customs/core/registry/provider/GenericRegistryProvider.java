package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.provider.webhook.DistributionWebhookParser;
import java.io.IOException;

/**
 * Any OCI/v2 registry (CNCF distribution, Zot, the Debian {@code docker-registry}): username and
 * password or token, {@code _catalog} enumeration, distribution notifications.
 */
public final class GenericRegistryProvider implements RegistryProvider {
  private final WebhookParser webhooks = new DistributionWebhookParser(type());

  @Override
  public String type() {
    return "generic";
  }

  @Override
  public RegistryLogin login(RegistryIntegration integration, RegistryOptions options) {
    return basicLogin(integration);
  }

  /** The integration's username and secret as they are, or anonymous when there are none. */
  static RegistryLogin basicLogin(RegistryIntegration integration) {
    return integration.hasCredentials()
        ? RegistryLogin.of(new Credentials(integration.username(), integration.secret()))
        : RegistryLogin.anonymous();
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    return new V2CatalogEnumerator(RegistryClients.open(integration, login(integration, options), options));
  }

  @Override
  public WebhookParser webhookParser() {
    return webhooks;
  }
}
