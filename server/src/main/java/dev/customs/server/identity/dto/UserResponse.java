package dev.customs.server.identity.dto;

import dev.customs.server.identity.UserAccount;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserResponse(UUID id, String username, String role, boolean enabled, Instant createdAt) {
  public static UserResponse of(UserAccount user) {
    return new UserResponse(user.id(), user.username(), user.role().name(), user.enabled(), user.createdAt());
  }
}
