package dev.customs.server.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/users}. */
public record UserCreateRequest(
    @NotBlank @Size(max = 100)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "may contain letters, digits, '.', '_', '@' and '-' only")
    String username,
    @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters long") String password,
    @NotBlank String role) {}
