package dev.customs.server.scanning.dto;

import dev.customs.server.scanning.ScanJob;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A scan job as the API shows it.
 *
 * @param state queued, running, succeeded, dead (dead-lettered: {@code lastError} says why) or cancelled
 * @param worker the worker process running it ({@code host:pid:nonce}), while running
 */
public record ScanResponse(UUID id, UUID imageId, String state, int attempts, int maxAttempts, Instant runAfter,
    String worker, String digest, String lastError, Instant createdAt, Instant startedAt, Instant finishedAt) {

  public static ScanResponse of(ScanJob j) {
    return new ScanResponse(j.id(), j.imageId(), j.state().name().toLowerCase(Locale.ROOT), j.attempts(),
        j.maxAttempts(), j.runAfter(), j.leaseOwner(), j.digest(), j.lastError(), j.createdAt(), j.startedAt(),
        j.finishedAt());
  }
}
