package dev.customs.core.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A username and password for one registry, or an identity token: Docker's convention (credential
 * helpers and {@code identitytoken} in config.json) is the username {@code <token>} with the token
 * as the secret.
 */
public record Credentials(String username, String password) {
  /** The username that marks the password as an OAuth2 refresh (identity) token. */
  public static final String IDENTITY_TOKEN_USER = "<token>";

  public Credentials {
    if (username == null || username.isEmpty() || password == null) {
      throw new IllegalArgumentException("credentials need a username and a password");
    }
  }

  public static Credentials identityToken(String token) {
    return new Credentials(IDENTITY_TOKEN_USER, token);
  }

  /** Whether the password is an identity token, exchanged at the token service instead of sent. */
  public boolean isIdentityToken() {
    return username.equals(IDENTITY_TOKEN_USER);
  }

  /** The value of an {@code Authorization: Basic} header. */
  public String basicHeader() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Credentials[" + username + ", password hidden]";
  }
}
