package dev.customs.server.maintenance;

/**
 * Server-wide maintenance settings.
 *
 * @param globalRescanCron when to rescan every image (Spring cron, six fields); null: never
 * @param cleanup the cleanup rules and schedule
 */
public record MaintenanceSettings(String globalRescanCron, CleanupRules cleanup) {}
