package dev.customs.server.maintenance;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.Cron;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.maintenance.dto.MaintenanceSettingsRequest;
import dev.customs.server.maintenance.dto.MaintenanceSettingsResponse;
import dev.customs.server.registries.RegistryRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings, "run now" and reports of rescans and cleanup, for the API. */
@Service
public class MaintenanceService {
  private final MaintenanceRepository maintenance;
  private final RegistryRepository registries;
  private final RescanRunner rescans;
  private final CleanupRunner cleanup;
  private final AuditLog audit;
  private final Clock clock;

  public MaintenanceService(MaintenanceRepository maintenance, RegistryRepository registries, RescanRunner rescans,
      CleanupRunner cleanup, AuditLog audit, Clock clock) {
    this.maintenance = maintenance;
    this.registries = registries;
    this.rescans = rescans;
    this.cleanup = cleanup;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public MaintenanceSettingsResponse settings() {
    MaintenanceSettings s = maintenance.settings();
    return new MaintenanceSettingsResponse(s.globalRescanCron(),
        maintenance.nextRunAt(RescanRunner.task(null)).orElse(null), s.cleanup(),
        maintenance.nextRunAt("cleanup").orElse(null));
  }

  @Transactional
  public MaintenanceSettingsResponse update(MaintenanceSettingsRequest request) {
    String global = blankToNull(request.globalRescanCron());
    String cleanupCron = blankToNull(request.cleanup().cron());
    if (global != null) {
      Cron.parse("globalRescanCron", global);
    }
    if (cleanupCron != null) {
      Cron.parse("cleanup.cron", cleanupCron);
    }
    CleanupRules rules = rules(request.cleanup(), cleanupCron);
    maintenance.save(new MaintenanceSettings(global, rules));
    audit.record("maintenance.settings", "maintenance", null, "globalRescanCron=" + global + " cleanup=" + rules);
    return settings();
  }

  /** Rescans every image of every registry now (except those already queued or running). */
  @Transactional
  public MaintenanceRun rescanAll() {
    MaintenanceRun run = rescans.run(null, clock.instant(), "manual");
    audit.record("maintenance.rescan", "maintenance", run.id(), "scope=all queued=" + run.affected());
    return run;
  }

  @Transactional
  public MaintenanceRun rescanRegistry(UUID registryId) {
    registries.findById(registryId).orElseThrow(() -> new NotFoundException("registry", registryId));
    MaintenanceRun run = rescans.run(registryId, clock.instant(), "manual");
    audit.record("maintenance.rescan", "registry", registryId, "queued=" + run.affected());
    return run;
  }

  /**
   * Runs cleanup now with the saved rules, or with {@code proposed} ones (to try rules before saving
   * them: a dry run is the default).
   */
  @Transactional
  public MaintenanceRun cleanup(MaintenanceSettingsRequest.CleanupRequest proposed, boolean dryRun) {
    CleanupRules rules = proposed == null ? maintenance.settings().cleanup() : rules(proposed, null);
    MaintenanceRun run = cleanup.run(rules, dryRun, "manual");
    if (!dryRun) {
      audit.record("maintenance.cleanup", "maintenance", run.id(), "removed=" + run.affected() + " rules=" + rules);
    }
    return run;
  }

  @Transactional(readOnly = true)
  public Page<MaintenanceRun> runs(PageRequest page) {
    return page.page(maintenance.runs(page), maintenance.countRuns());
  }

  private static CleanupRules rules(MaintenanceSettingsRequest.CleanupRequest request, String cron) {
    return new CleanupRules(cron, request.removeDeleted(), request.notSeenDays(), request.keepNewestTags());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
