package dev.customs.server.policies.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code POST/PUT /api/v1/exceptions}: a vulnerability no enabled policy counts. The author is the
 * caller; the optional fields narrow where it applies.
 *
 * @param vulnerability an id or alias, e.g. {@code CVE-2024-3094} or {@code GHSA-…}
 * @param registry only images of this registry host, e.g. {@code registry.example:5000}
 * @param repository only repositories matching this glob, e.g. {@code team/**}
 * @param digest only the image with this manifest digest
 * @param packageName only this package (JSON field {@code package})
 * @param expires the last day it applies (today or later); absent: until deleted
 */
public record ExceptionRequest(
    @NotBlank @Size(max = 200) String vulnerability,
    @Size(max = 255) String registry,
    @Size(max = 500) String repository,
    @Size(max = 200) String digest,
    @JsonProperty("package") @Size(max = 500) String packageName,
    @NotBlank @Size(max = 4000) String justification,
    LocalDate expires) {}
