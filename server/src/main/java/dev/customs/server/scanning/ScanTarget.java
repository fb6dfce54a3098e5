package dev.customs.server.scanning;

import java.util.UUID;

/**
 * What a scan job scans: a registered image's reference and platform, and the registry integration
 * to reach it through ({@code registryId} is null when that integration was deleted).
 */
public record ScanTarget(UUID imageId, UUID registryId, String reference, String platform) {}
