package dev.customs.server.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as stored: only the SHA-256 of its secret. {@code prefix} is the first characters
 * of the secret, enough to recognise a token in a list and never enough to use it.
 */
public record ApiToken(UUID id, String name, String tokenHash, String prefix, Role role, UUID ownerId,
    Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
