package dev.customs.server.policies;

import java.time.Instant;
import java.util.UUID;

/**
 * An assurance policy as the server keeps it: the document as written (YAML or JSON, the CLI's
 * format) and whether it takes part in judging.
 *
 * @param builtin the shipped policy it was created from ({@code baseline}, {@code strict}), or null
 */
public record StoredPolicy(UUID id, String name, String description, String document, boolean enabled,
    String builtin, Instant createdAt, Instant updatedAt) {

  /** How judgements name where the policy came from, like the CLI's file name. */
  public String source() {
    return builtin != null ? "baseline:" + builtin : "server:" + name;
  }
}
