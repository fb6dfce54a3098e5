package dev.customs.server.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one rescan or cleanup run did.
 *
 * @param task {@code rescan:global}, {@code rescan:registry:<id>} or {@code cleanup}
 * @param trigger {@code schedule} or {@code manual}
 * @param dryRun a cleanup that only reported
 * @param affected images queued for a rescan, or removed (would be, when dry)
 * @param skipped images a rescan left alone because they were scanned within the period
 * @param details one line per affected image: reference and the reason
 */
public record MaintenanceRun(UUID id, String task, String trigger, boolean dryRun, Instant startedAt,
    Instant finishedAt, int affected, int skipped, List<String> details) {
  public MaintenanceRun {
    details = List.copyOf(details);
  }
}
