package dev.customs.server.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code POST /api/v1/tokens}: a token for the calling user, limited to {@code role}; no expiry when absent. */
public record TokenCreateRequest(@NotBlank @Size(max = 100) String name, @NotBlank String role, Instant expiresAt) {}
