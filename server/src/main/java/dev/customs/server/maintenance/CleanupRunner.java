package dev.customs.server.maintenance;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.images.ImageRepository;
import dev.customs.server.maintenance.MaintenanceRepository.CleanupCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Applies the cleanup rules. A dry run reports which images would go and why; a real run removes
 * them (with their scans, findings and results) and records each in the audit log. Only images
 * that came from a registry integration are considered: images registered by the CLI or by
 * reference without one are never cleaned up by rules about registries.
 */
@Service
public class CleanupRunner {
  private final MaintenanceRepository maintenance;
  private final ImageRepository images;
  private final AuditLog audit;
  private final Clock clock;

  public CleanupRunner(MaintenanceRepository maintenance, ImageRepository images, AuditLog audit, Clock clock) {
    this.maintenance = maintenance;
    this.images = images;
    this.audit = audit;
    this.clock = clock;
  }

  public MaintenanceRun run(CleanupRules rules, boolean dryRun, String trigger) {
    Instant started = clock.instant();
    List<String> details = new ArrayList<>();
    int removed = 0;
    for (Map.Entry<CleanupCandidate, String> doomed : select(rules, started).entrySet()) {
      CleanupCandidate image = doomed.getKey();
      details.add(image.reference() + ": " + doomed.getValue());
      if (!dryRun && images.delete(image.id())) {
        audit.record("image.cleanup", "image", image.id(), "reference=" + image.reference() + " reason="
            + doomed.getValue());
      }
      removed++;
    }
    MaintenanceRun run = new MaintenanceRun(UUID.randomUUID(), "cleanup", trigger, dryRun, started, clock.instant(),
        removed, 0, details);
    maintenance.insertRun(run);
    return run;
  }

  /** The images the rules remove, each with the first rule that removes it, in listing order. */
  private Map<CleanupCandidate, String> select(CleanupRules rules, Instant now) {
    Map<CleanupCandidate, String> doomed = new java.util.LinkedHashMap<>();
    Map<String, Set<String>> tagsKept = new HashMap<>();
    for (CleanupCandidate image : maintenance.cleanupCandidates()) {
      reason(rules, image, now, tagsKept).ifPresent(reason -> doomed.put(image, reason));
    }
    return doomed;
  }

  private static Optional<String> reason(CleanupRules rules, CleanupCandidate image, Instant now,
      Map<String, Set<String>> tagsKept) {
    if (rules.removeDeleted() && image.deletedAt() != null) {
      return Optional.of("deleted from its registry (noticed " + image.deletedAt() + ")");
    }
    if (rules.notSeenDays() != null && image.seen().isBefore(now.minus(Duration.ofDays(rules.notSeenDays())))) {
      return Optional.of("not seen in its registry for more than " + rules.notSeenDays() + " days (last "
          + image.seen() + ")");
    }
    if (rules.keepNewestTags() != null && image.tag() != null && image.deletedAt() == null) {
      // Candidates come newest first per repository: the first N distinct tags are kept (every
      // platform of a kept tag with them).
      Set<String> kept = tagsKept.computeIfAbsent(image.registryId() + "/" + image.repository(), r -> new HashSet<>());
      if (!kept.contains(image.tag()) && kept.size() >= rules.keepNewestTags()) {
        return Optional.of("older than the newest " + rules.keepNewestTags() + " tags of " + image.repository());
      }
      kept.add(image.tag());
    }
    return Optional.empty();
  }
}
