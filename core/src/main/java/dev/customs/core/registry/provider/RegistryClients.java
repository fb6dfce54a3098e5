package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryOptions;
import java.io.IOException;

/** Opens the OCI Distribution client for an integration with the credentials its provider obtained. */
public final class RegistryClients {
  private RegistryClients() {
  }

  /** Options for the integration's host: its login, and plain HTTP when the URL says {@code http://}. */
  public static RegistryOptions options(RegistryIntegration integration, RegistryLogin login, RegistryOptions base) {
    RegistryOptions options = base;
    if (login.credentials() != null) {
      options = options.withCredentials(integration.host(), login.credentials());
    }
    if (integration.plainHttp()) {
      options = options.withInsecureHost(integration.host());
    }
    return options;
  }

  public static RegistryClient open(RegistryIntegration integration, RegistryLogin login, RegistryOptions base)
      throws IOException {
    return RegistryClient.create(integration.host(), options(integration, login, base));
  }
}
