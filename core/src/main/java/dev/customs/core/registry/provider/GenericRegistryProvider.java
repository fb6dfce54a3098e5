package dev.customs.core.registry.provider;

import dev.customs.core.registry.provider.webhook.DistributionWebhookParser;

/**
 * Any OCI/v2 registry (CNCF distribution, Zot, the Debian {@code docker-registry}): username and
 * password or token, {@code _catalog} enumeration, distribution notifications.
 */
public final class GenericRegistryProvider extends AbstractRegistryProvider {
  public GenericRegistryProvider() {
    super("generic", new DistributionWebhookParser("generic"));
  }
}
