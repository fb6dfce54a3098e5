package dev.customs.server.pulls;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.Cron;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.pulls.dto.PullSettingsRequest;
import dev.customs.server.pulls.dto.PullSettingsResponse;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A registry's nightly pull: its settings, "run now", and the reports of past runs. */
@RestController
@RequestMapping("/api/v1/registries/{id}")
public class PullController {
  private static final int REPORTS = 50;

  private final RegistryRepository registries;
  private final PullRepository pulls;
  private final PullScheduler scheduler;
  private final AuditLog audit;
  private final TransactionOperations transactions;

  public PullController(RegistryRepository registries, PullRepository pulls, PullScheduler scheduler, AuditLog audit,
      TransactionOperations transactions) {
    this.registries = registries;
    this.pulls = pulls;
    this.scheduler = scheduler;
    this.audit = audit;
    this.transactions = transactions;
  }

  @GetMapping("/pull-settings")
  public PullSettingsResponse settings(@PathVariable UUID id) {
    registry(id);
    return new PullSettingsResponse(pulls.settings(id), pulls.nextRunAt(id).orElse(null));
  }

  @PutMapping("/pull-settings")
  public PullSettingsResponse update(@PathVariable UUID id, @Valid @RequestBody PullSettingsRequest request) {
    registry(id);
    Cron.parse("cron", request.cron());
    PullSettings settings = new PullSettings(id, request.cron(),
        PullSettingsRequest.orEmpty(request.includeRepositories()),
        PullSettingsRequest.orEmpty(request.excludeRepositories()), PullSettingsRequest.orEmpty(request.includeTags()),
        PullSettingsRequest.orEmpty(request.excludeTags()), request.maxTagsPerRepository(), request.maxRepositories(),
        request.maxAgeDays(), null);
    pulls.settings(id);
    transactions.executeWithoutResult(status -> {
      pulls.update(settings);
      audit.record("registry.pull-settings", "registry", id, "cron=" + settings.cron()
          + " maxRepositories=" + settings.maxRepositories() + " maxTags=" + settings.maxTagsPerRepository());
    });
    return settings(id);
  }

  /** Starts a pull now; follow it at {@code GET /pulls}. A run already going is not started twice. */
  @PostMapping("/pull")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> pull(@PathVariable UUID id) {
    Registry registry = registry(id);
    transactions.executeWithoutResult(status -> audit.record("registry.pull", "registry", id, "run now"));
    scheduler.runNow(registry);
    return Map.of("registryId", id, "started", true);
  }

  @GetMapping("/pulls")
  public List<PullReport> reports(@PathVariable UUID id) {
    registry(id);
    return pulls.reports(id, REPORTS);
  }

  private Registry registry(UUID id) {
    return registries.findById(id).orElseThrow(() -> new NotFoundException("registry", id));
  }
}
