package dev.customs.core.registry.provider;

import dev.customs.core.registry.auth.Credentials;
import java.util.Optional;

/** The Authorization value a vendor REST API takes from an integration's credentials. */
final class ApiAuthorization {
  private ApiAuthorization() {
  }

  /** Basic with username and secret; Bearer with the secret alone when there is no username. */
  static Optional<String> basicOrBearer(RegistryIntegration integration) {
    if (integration.secret() == null || integration.secret().isEmpty()) {
      return Optional.empty();
    }
    if (integration.username() == null || integration.username().isEmpty()) {
      return Optional.of("Bearer " + integration.secret());
    }
    return Optional.of(new Credentials(integration.username(), integration.secret()).basicHeader());
  }

  static Optional<String> bearer(RegistryIntegration integration) {
    return Optional.ofNullable(integration.secret()).filter(s -> !s.isEmpty()).map(s -> "Bearer " + s);
  }

  /** The integration's own URL without a path, where the vendor API lives on the registry host. */
  static String baseUrl(RegistryIntegration integration) {
    return integration.scheme() + "://" + integration.host();
  }
}
