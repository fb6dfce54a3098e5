package dev.customs.core.registry.provider;

import dev.customs.core.registry.auth.Credentials;
import java.time.Instant;
import java.util.Optional;

/**
 * The credentials that pull from a registry, and until when they work: ECR and ACR hand out
 * short-lived passwords, so the caller logs in again after {@code expiresAt}.
 *
 * @param credentials null for anonymous access
 * @param expiresAt null when the credentials do not expire
 */
public record RegistryLogin(Credentials credentials, Instant expiresAt) {

  public static RegistryLogin anonymous() {
    return new RegistryLogin(null, null);
  }

  public static RegistryLogin of(Credentials credentials) {
    return new RegistryLogin(credentials, null);
  }

  public Optional<Credentials> optionalCredentials() {
    return Optional.ofNullable(credentials);
  }
}
