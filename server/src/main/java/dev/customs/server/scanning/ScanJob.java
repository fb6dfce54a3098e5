package dev.customs.server.scanning;

import java.time.Instant;
import java.util.UUID;

/**
 * One scan of one registered image, as the queue stores it.
 *
 * @param leaseOwner the worker ({@code host:pid:nonce}) holding the job while RUNNING
 * @param leaseUntil when another replica may take the job over unless the owner's heartbeat extends it
 * @param digest the manifest digest, known once the worker has resolved the reference
 */
public record ScanJob(UUID id, UUID imageId, ScanState state, int attempts, int maxAttempts, Instant runAfter,
    String leaseOwner, Instant leaseUntil, Instant heartbeatAt, String digest, String lastError, Instant createdAt,
    Instant startedAt, Instant finishedAt) {

  static ScanJob queued(UUID imageId, int maxAttempts, Instant now) {
    return new ScanJob(UUID.randomUUID(), imageId, ScanState.QUEUED, 0, maxAttempts, now, null, null, null, null,
        null, now, null, null);
  }
}
