package dev.customs.server.images.dto;

import dev.customs.server.scanning.dto.ScanResponse;
import java.util.List;

/** {@code GET /api/v1/images/{id}}: the image and every scan of it, newest first. */
public record ImageDetailResponse(ImageResponse image, List<ScanResponse> scans) {}
