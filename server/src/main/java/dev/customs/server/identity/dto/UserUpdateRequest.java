package dev.customs.server.identity.dto;

import jakarta.validation.constraints.Size;

/** {@code PUT /api/v1/users/{id}}: every field is optional; absent fields keep their value. */
public record UserUpdateRequest(
    @Size(min = 12, max = 200, message = "must be 12 to 200 characters long") String password,
    String role,
    Boolean enabled) {}
