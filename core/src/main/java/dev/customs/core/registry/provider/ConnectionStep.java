package dev.customs.core.registry.provider;

/**
 * One step of a registry connection test and how it went.
 *
 * @param name reachable, tls, auth, catalog or pull
 * @param status pass, fail, or skipped (an earlier step failed, or the step does not apply)
 * @param message what was found, precise enough to act on
 */
public record ConnectionStep(String name, Status status, String message) {

  /** How a step went. */
  public enum Status { PASS, FAIL, SKIPPED }

  public static ConnectionStep pass(String name, String message) {
    return new ConnectionStep(name, Status.PASS, message);
  }

  public static ConnectionStep fail(String name, String message) {
    return new ConnectionStep(name, Status.FAIL, message);
  }

  public static ConnectionStep skipped(String name, String message) {
    return new ConnectionStep(name, Status.SKIPPED, message);
  }
}
