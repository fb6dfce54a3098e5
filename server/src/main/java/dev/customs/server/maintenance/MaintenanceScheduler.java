package dev.customs.server.maintenance;

import dev.customs.server.common.Cron;
import dev.customs.server.common.PeriodicWork;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled maintenance: each registry's rescan schedule, the global rescan, and cleanup. Every
 * replica looks each tick; a task's lease makes exactly one of them run it. A scheduled rescan's
 * period is the time between two firings of its cron, so an image scanned within the period (by the
 * other schedule, a push, or a request) is not rescanned again.
 */
@Component
public class MaintenanceScheduler extends PeriodicWork {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);
  private static final Duration LEASE = Duration.ofMinutes(30);

  private final MaintenanceRepository maintenance;
  private final RegistryRepository registries;
  private final RescanRunner rescans;
  private final CleanupRunner cleanup;
  private final Clock clock;
  private final String owner = "maintenance:" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
      + UUID.randomUUID().toString().substring(0, 8);

  public MaintenanceScheduler(MaintenanceRepository maintenance, RegistryRepository registries, RescanRunner rescans,
      CleanupRunner cleanup, Clock clock, @Value("${customs.maintenance.tick:60s}") Duration tick) {
    super("maintenance", tick, tick);
    this.maintenance = maintenance;
    this.registries = registries;
    this.rescans = rescans;
    this.cleanup = cleanup;
    this.clock = clock;
  }

  /** Looks at every task once: runs those that are due, schedules those that are new. */
  @Override
  protected void tick() {
    try {
      MaintenanceSettings settings = maintenance.settings();
      for (Registry registry : registries.findAll()) {
        String cron = registry.rescanCron();
        consider(RescanRunner.task(registry.id()), cron, period -> rescans.run(registry.id(), period, "schedule"));
      }
      consider(RescanRunner.task(null), settings.globalRescanCron(), period -> rescans.run(null, period, "schedule"));
      String cleanupCron = settings.cleanup().anyRule() ? settings.cleanup().cron() : null;
      consider("cleanup", cleanupCron, period -> cleanup.run(settings.cleanup(), false, "schedule"));
    } catch (RuntimeException e) {
      // the database may be briefly unreachable: the next tick tries again
      LOG.warn("Maintenance schedule check failed: {}", e.getMessage());
    }
  }

  /** @param run given the start of the period that ends now */
  private void consider(String task, String cronText, Function<Instant, MaintenanceRun> run) {
    Instant now = clock.instant();
    Optional<Instant> due = maintenance.nextRunAt(task);
    if (cronText == null || cronText.isBlank()) {
      if (due.isPresent()) {
        maintenance.setNextRunAt(task, null);
      }
      return;
    }
    Cron cron = Cron.parse("cron", cronText);
    Instant next = cron.next(now, clock.getZone());
    if (due.isEmpty() || due.get().isAfter(next)) {
      maintenance.setNextRunAt(task, next); // new, or its schedule was changed to fire sooner
      return;
    }
    if (due.get().isAfter(now) || !maintenance.tryLease(task, owner, now, now.plus(LEASE))) {
      return;
    }
    try {
      // Re-read under the lease: another replica may have run it and moved the time on.
      if (maintenance.nextRunAt(task).filter(d -> !d.isAfter(now)).isPresent()) {
        maintenance.setNextRunAt(task, next);
        MaintenanceRun done = run.apply(periodStart(cron, now));
        LOG.info("{} ran on schedule: {} image(s) affected, {} skipped", task, done.affected(), done.skipped());
      }
    } finally {
      maintenance.releaseLease(task, owner);
    }
  }

  /** The start of the period a firing at {@code now} covers: as long before now as the next firing is after it. */
  Instant periodStart(Cron cron, Instant now) {
    Instant next = cron.next(now, clock.getZone());
    return next.equals(Instant.MAX) ? Instant.EPOCH : now.minus(Duration.between(now, next));
  }
}
