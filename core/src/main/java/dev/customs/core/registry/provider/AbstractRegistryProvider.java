package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import java.io.IOException;

/**
 * What most providers share: a fixed type and webhook parser, login with the integration's
 * username and secret as they are, and enumeration through the registry's own {@code _catalog}.
 * A provider overrides {@link #login} when its registry wants a token exchange, and
 * {@link #enumerator} when a vendor API lists repositories better than {@code _catalog}.
 */
abstract class AbstractRegistryProvider implements RegistryProvider {
  private final String type;
  private final WebhookParser webhooks;

  AbstractRegistryProvider(String type, WebhookParser webhooks) {
    this.type = type;
    this.webhooks = webhooks;
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public RegistryLogin login(RegistryIntegration integration, RegistryOptions options) throws IOException {
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
  public final WebhookParser webhookParser() {
    return webhooks;
  }
}
