package dev.customs.server.events;

import java.util.UUID;

/**
 * A scan job failed for good (dead-lettered after its last attempt, or a permanent failure).
 *
 * @param image the image
 * @param jobId the failed job
 * @param error the last error, as shown in the API
 */
public record ScanFailed(ImageSubject image, UUID jobId, String error) {}
