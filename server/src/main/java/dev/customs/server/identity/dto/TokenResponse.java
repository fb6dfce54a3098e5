package dev.customs.server.identity.dto;

import dev.customs.server.identity.ApiToken;
import java.time.Instant;
import java.util.UUID;

/** A token as lists show it: never its secret or hash. */
public record TokenResponse(UUID id, String name, String prefix, String role, UUID ownerId, Instant createdAt,
    Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
  public static TokenResponse of(ApiToken t) {
    return new TokenResponse(t.id(), t.name(), t.prefix(), t.role().name(), t.ownerId(), t.createdAt(),
        t.expiresAt(), t.lastUsedAt(), t.revokedAt());
  }
}
