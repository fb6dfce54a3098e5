package dev.customs.server.maintenance;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.maintenance.dto.MaintenanceSettingsRequest;
import dev.customs.server.maintenance.dto.MaintenanceSettingsResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rescans and cleanup: {@code /api/v1/maintenance/*} and a registry's {@code /rescans}; read by
 * administrators and auditors, run and changed by administrators.
 */
@RestController
public class MaintenanceController {
  private final MaintenanceService service;

  public MaintenanceController(MaintenanceService service) {
    this.service = service;
  }

  @GetMapping("/api/v1/maintenance/settings")
  public MaintenanceSettingsResponse settings() {
    return service.settings();
  }

  @PutMapping("/api/v1/maintenance/settings")
  public MaintenanceSettingsResponse update(@Valid @RequestBody MaintenanceSettingsRequest request) {
    return service.update(request);
  }

  /** Rescans every registry's images now; stoppable with {@code POST /api/v1/scans/cancel-queued}. */
  @PostMapping("/api/v1/maintenance/rescans")
  public MaintenanceRun rescanAll() {
    return service.rescanAll();
  }

  @PostMapping("/api/v1/registries/{id}/rescans")
  public MaintenanceRun rescanRegistry(@PathVariable UUID id) {
    return service.rescanRegistry(id);
  }

  /** Cleanup now: a dry run unless {@code dryRun=false}; the body may propose rules to try instead of the saved ones. */
  @PostMapping("/api/v1/maintenance/cleanup")
  public MaintenanceRun cleanup(@RequestParam(defaultValue = "true") boolean dryRun,
      @Valid @RequestBody(required = false) MaintenanceSettingsRequest.CleanupRequest rules) {
    return service.cleanup(rules, dryRun);
  }

  @GetMapping("/api/v1/maintenance/runs")
  public Page<MaintenanceRun> runs(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return service.runs(PageRequest.of(page, size));
  }
}
