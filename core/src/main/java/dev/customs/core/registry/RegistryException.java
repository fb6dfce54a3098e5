package dev.customs.core.registry;

import java.io.IOException;

/**
 * A registry action that failed. The message always names the action, the object (which includes
 * the registry host) and the reason, e.g. {@code failed to fetch manifest
 * 127.0.0.1:5000/demo/app:1: 401 unauthorized (check --username/--password or docker login)}.
 */
public class RegistryException extends IOException {
  private final String action;
  private final String object;
  private final int status;

  public RegistryException(String action, String object, String reason, int status, Throwable cause) {
    super("failed to " + action + " " + object + ": " + reason, cause);
    this.action = action;
    this.object = object;
    this.status = status;
  }

  public RegistryException(String action, String object, String reason) {
    this(action, object, reason, 0, null);
  }

  /** What was attempted, e.g. {@code fetch manifest}. */
  public String action() {
    return action;
  }

  /** What it was attempted on, e.g. {@code 127.0.0.1:5000/demo/app:1}. */
  public String object() {
    return object;
  }

  /** The HTTP status the registry answered, or 0 when the failure was not an HTTP answer. */
  public int status() {
    return status;
  }
}
