package dev.customs.server.images.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * {@code POST /api/v1/images}: register an image and queue its scan.
 *
 * @param reference e.g. {@code registry.example/team/app:1.2} or {@code alpine:3.20} (Docker Hub)
 * @param registryId the registry integration to use; when absent, the one whose URL host matches the reference
 * @param platform {@code os/arch[/variant]}; default {@code linux/amd64}
 */
public record ImageRegisterRequest(@NotBlank @Size(max = 1000) String reference, UUID registryId,
    @Size(max = 100) String platform) {}
