package dev.customs.server.maintenance;

/**
 * What cleanup removes. An image is removed when any enabled rule says so.
 *
 * @param cron when cleanup runs on its own (independent of pulls); null: only when asked
 * @param removeDeleted remove images deleted from their registry (a delete webhook, or absent from
 *     a pull's listing)
 * @param notSeenDays remove images the registry has not shown for this many days (registration,
 *     push, pull listing); null: off
 * @param keepNewestTags keep only this many newest tagged images per repository; null: off
 */
public record CleanupRules(String cron, boolean removeDeleted, Integer notSeenDays, Integer keepNewestTags) {
  public boolean anyRule() {
    return removeDeleted || notSeenDays != null || keepNewestTags != null;
  }
}
