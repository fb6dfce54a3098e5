package dev.customs.server.policies.dto;

import dev.customs.server.policies.StoredPolicy;
import java.time.Instant;
import java.util.UUID;

/**
 * A policy as the API shows it: the document as written and whether it takes part in judging.
 *
 * @param builtin the shipped policy it came from ({@code baseline}, {@code strict}), null otherwise
 * @param source how assessments and reports name it
 */
public record PolicyResponse(UUID id, String name, String description, boolean enabled, String builtin,
    String source, String document, Instant createdAt, Instant updatedAt) {

  public static PolicyResponse of(StoredPolicy p) {
    return new PolicyResponse(p.id(), p.name(), p.description(), p.enabled(), p.builtin(), p.source(), p.document(),
        p.createdAt(), p.updatedAt());
  }
}
