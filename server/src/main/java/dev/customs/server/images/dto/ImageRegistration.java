package dev.customs.server.images.dto;

import dev.customs.server.scanning.dto.ScanResponse;

/** The answer to registering an image: the image and the scan queued (or already queued) for it. */
public record ImageRegistration(ImageResponse image, ScanResponse scan) {}
