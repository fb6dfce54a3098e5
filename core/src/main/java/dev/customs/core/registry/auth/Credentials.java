package dev.customs.core.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A username and password (or token used as a password) for one registry. */
public record Credentials(String username, String password) {
  public Credentials {
    if (username == null || username.isEmpty() || password == null) {
      throw new IllegalArgumentException("credentials need a username and a password");
    }
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
