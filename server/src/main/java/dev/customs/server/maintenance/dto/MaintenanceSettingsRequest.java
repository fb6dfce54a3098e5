package dev.customs.server.maintenance.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The maintenance settings, replaced as a whole.
 *
 * @param globalRescanCron when every image is rescanned; null or blank: never
 * @param cleanup cleanup's rules and schedule
 */
public record MaintenanceSettingsRequest(@Size(max = 100) String globalRescanCron, @NotNull @Valid CleanupRequest cleanup) {
  /**
   * @param cron when cleanup runs; null or blank: only on request
   * @param removeDeleted remove images deleted from their registry
   * @param notSeenDays remove images not seen in their registry for this many days; null: off
   * @param keepNewestTags keep only this many newest tags per repository; null: off
   */
  public record CleanupRequest(@Size(max = 100) String cron, boolean removeDeleted, @Min(1) Integer notSeenDays,
      @Min(1) Integer keepNewestTags) {}
}
