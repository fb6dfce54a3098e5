package dev.customs.server.maintenance;

import dev.customs.server.scanning.ScanQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Queues rescans of a registry's images, or of every registry-backed image. Images that had a scan
 * queued since the start of the period are skipped, which is what makes a registry schedule and the
 * global one rescan an image once per period, not twice; the queue itself answers an image that is
 * already queued or running. Rescans pull the image again (the inventory may change with Customs'
 * analyzers); new vulnerability data alone is handled by re-judging stored inventories.
 */
@Service
public class RescanRunner {
  private final MaintenanceRepository maintenance;
  private final ScanQueue queue;
  private final Clock clock;

  public RescanRunner(MaintenanceRepository maintenance, ScanQueue queue, Clock clock) {
    this.maintenance = maintenance;
    this.queue = queue;
    this.clock = clock;
  }

  /**
   * @param registryId the registry, or null for every registry
   * @param periodStart images with a scan queued at or after this are skipped
   */
  public MaintenanceRun run(UUID registryId, Instant periodStart, String trigger) {
    Instant started = clock.instant();
    List<UUID> due = maintenance.rescanCandidates(registryId, periodStart);
    long live = maintenance.liveImages(registryId);
    due.forEach(queue::enqueue);
    MaintenanceRun run = new MaintenanceRun(UUID.randomUUID(), task(registryId), trigger, false, started,
        clock.instant(), due.size(), (int) Math.max(0, live - due.size()), List.of());
    maintenance.insertRun(run);
    return run;
  }

  static String task(UUID registryId) {
    return registryId == null ? "rescan:global" : "rescan:registry:" + registryId;
  }
}
