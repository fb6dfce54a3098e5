package dev.customs.server.registries.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Optional body of {@code POST /api/v1/registries/{id}/test}.
 *
 * @param repository the repository whose pull permission to check, e.g. {@code library/alpine};
 *     when absent, the first repository of the catalog
 */
public record RegistryTestRequest(
    @Size(max = 255) @Pattern(regexp = "[a-z0-9]+([._/-][a-z0-9]+)*", message = "is not a repository name")
    String repository) {}
