package dev.customs.server.registries.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One checked capability of a registry connection.
 *
 * @param name address, reachable, tls, auth, catalog or pull
 * @param detail what was found, or why it failed and what to change
 */
public record RegistryTestStep(String name, Outcome outcome, String detail) {
  /** {@code skipped} means an earlier step failed or the step does not apply. */
  public enum Outcome {
    OK, FAILED, SKIPPED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
