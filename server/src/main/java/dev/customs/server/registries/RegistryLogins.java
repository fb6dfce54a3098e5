package dev.customs.server.registries;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.provider.RegistryIntegration;
import dev.customs.core.registry.provider.RegistryLogin;
import dev.customs.core.registry.provider.RegistryProviders;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Logs in to registries through their provider (ECR, ACR, GCR and Docker Hub exchange the stored
 * secret for a short-lived one) and keeps each login until shortly before it expires, so a burst of
 * scans of one registry costs one token exchange. A login is also forgotten when the registry is
 * edited: the cache key includes {@code updatedAt}.
 */
@Component
public class RegistryLogins {
  /** Renew this long before expiry, so a pull that starts just before it does not fail midway. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final Clock clock;
  private final Map<UUID, Cached> logins = new ConcurrentHashMap<>();

  public RegistryLogins(Clock clock) {
    this.clock = clock;
  }

  private record Cached(Instant registryVersion, RegistryLogin login) {}

  /** The registry's login, from the cache while it is still good for {@link #RENEW_BEFORE}. */
  public RegistryLogin login(Registry registry, RegistryIntegration integration, RegistryOptions options)
      throws IOException {
    Cached cached = logins.get(registry.id());
    if (cached != null && cached.registryVersion().equals(registry.updatedAt()) && fresh(cached.login())) {
      return cached.login();
    }
    RegistryLogin login = withTokenAlone(registry, integration, RegistryProviders.forType(integration.type())
        .login(integration, options));
    logins.put(registry.id(), new Cached(registry.updatedAt(), login));
    return login;
  }

  private boolean fresh(RegistryLogin login) {
    return login.expiresAt() == null || clock.instant().plus(RENEW_BEFORE).isBefore(login.expiresAt());
  }

  /**
   * Providers log in anonymously without a username; a stored token without one is an identity
   * token (sent as the refresh token of the registry's token service), as the console always had it.
   */
  private static RegistryLogin withTokenAlone(Registry registry, RegistryIntegration integration,
      RegistryLogin login) {
    if (login.credentials() == null && registry.authKind() == AuthKind.TOKEN && integration.secret() != null) {
      return new RegistryLogin(Credentials.identityToken(integration.secret()), login.expiresAt());
    }
    return login;
  }
}
