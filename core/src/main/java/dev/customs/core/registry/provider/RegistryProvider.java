package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import java.io.IOException;

/**
 * One kind of registry (Docker Hub, ECR, Harbor…). Registries speak the same OCI Distribution API
 * for pulls and differ only in how they authenticate, how they list repositories and tags, and
 * what their webhooks look like; this is those three differences.
 */
public interface RegistryProvider {

  /** The integration type this provider serves, e.g. {@code harbor}. */
  String type();

  /**
   * The credentials that pull from the registry, obtained from the integration's configuration
   * (for some types by a token exchange with the vendor).
   *
   * @param options TLS trust and timeouts for any exchange
   * @throws IOException when the exchange fails; the message names the step
   */
  RegistryLogin login(RegistryIntegration integration, RegistryOptions options) throws IOException;

  /**
   * Lists the registry's repositories and tags the way it allows. The caller closes it.
   *
   * @param options TLS trust and timeouts; credentials come from {@link #login}
   */
  RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException;

  /** Reads and authenticates this registry's push notifications. */
  WebhookParser webhookParser();
}
