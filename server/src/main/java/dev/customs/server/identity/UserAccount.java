package dev.customs.server.identity;

import java.time.Instant;
import java.util.UUID;

/** A local user as stored; {@code passwordHash} carries its algorithm prefix, e.g. {@code {argon2}…}. */
public record UserAccount(UUID id, String username, String passwordHash, Role role, boolean enabled,
    Instant createdAt) {}
