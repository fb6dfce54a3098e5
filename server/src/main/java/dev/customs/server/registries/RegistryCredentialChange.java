package dev.customs.server.registries;

import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.registries.dto.RegistryRequest;

/**
 * The credential a create or replace asks for, worked out from the write-only fields: a new secret
 * ({@code newSecret}, plaintext, to be sealed), keep the stored one ({@code keepStored}), or none.
 */
record RegistryCredentialChange(AuthKind kind, String username, String newSecret, boolean keepStored) {

  static RegistryCredentialChange of(RegistryRequest request, Registry old) {
    String username = request.username() == null || request.username().isBlank() ? null : request.username().strip();
    boolean newPassword = request.password() != null && !request.password().isEmpty();
    boolean newToken = request.token() != null && !request.token().isEmpty();
    if (newPassword && newToken) {
      throw new InvalidRequestException("token", "send either password (with username) or token, not both");
    }
    if (newPassword) {
      requireUsername(username);
      return new RegistryCredentialChange(AuthKind.PASSWORD, username, request.password(), false);
    }
    if (newToken) {
      return new RegistryCredentialChange(AuthKind.TOKEN, username, request.token(), false);
    }
    boolean cleared = "".equals(request.password()) || "".equals(request.token());
    if (old != null && old.authKind() != AuthKind.NONE && !cleared) {
      if (old.authKind() == AuthKind.PASSWORD) {
        requireUsername(username);
      }
      return new RegistryCredentialChange(old.authKind(), username, null, true);
    }
    if (username != null) {
      throw new InvalidRequestException("password", "username " + username + " was given without a password; "
          + "send the password too, or leave both out for anonymous access");
    }
    return new RegistryCredentialChange(AuthKind.NONE, null, null, false);
  }

  private static void requireUsername(String username) {
    if (username == null) {
      throw new InvalidRequestException("username", "a password needs a username");
    }
  }
}
