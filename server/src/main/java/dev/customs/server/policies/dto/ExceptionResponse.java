package dev.customs.server.policies.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.customs.server.policies.VulnerabilityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An exception as the API shows it; {@code expired} says whether it has stopped applying. */
public record ExceptionResponse(UUID id, String vulnerability, String registry, String repository, String digest,
    @JsonProperty("package") String packageName, String justification, String author, LocalDate expires,
    boolean expired, Instant createdAt, Instant updatedAt) {

  public static ExceptionResponse of(VulnerabilityException e, LocalDate today) {
    return new ExceptionResponse(e.id(), e.vulnerability(), e.registry(), e.repository(), e.digest(), e.packageName(),
        e.justification(), e.author(), e.expires(), e.rule().expired(today), e.createdAt(), e.updatedAt());
  }
}
