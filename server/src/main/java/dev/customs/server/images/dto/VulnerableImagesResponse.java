package dev.customs.server.images.dto;

import dev.customs.server.common.Page;

/**
 * {@code GET /api/v1/vulnerabilities/{id}/images}: the images whose latest scan has the vulnerability.
 *
 * @param message null when every scanned image was matched; otherwise that vulnerability data is
 *     missing, so images may have it without being listed
 */
public record VulnerableImagesResponse(String vulnerability, String message, Page<ImageResponse> images) {}
