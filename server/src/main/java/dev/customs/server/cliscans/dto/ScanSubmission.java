package dev.customs.server.cliscans.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/scan-results}: what {@code customs scan --server} sends.
 *
 * @param reference the image's name, e.g. {@code registry.example/team/app:1.2}
 * @param register {@code always} (store the image and its scan), {@code compliant} (store it only
 *     when the server finds it compliant) or {@code never} (judge only)
 * @param inventory the inventory document (docs/formats/inventory-json.md) the CLI wrote
 */
public record ScanSubmission(@NotBlank @Size(max = 1000) String reference, @NotBlank String register,
    @NotNull JsonNode inventory) {}
