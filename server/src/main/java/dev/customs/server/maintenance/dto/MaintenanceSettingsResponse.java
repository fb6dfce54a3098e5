package dev.customs.server.maintenance.dto;

import dev.customs.server.maintenance.CleanupRules;
import java.time.Instant;

/** The settings, with when the global rescan and cleanup run next (null: not scheduled). */
public record MaintenanceSettingsResponse(String globalRescanCron, Instant globalRescanNextRunAt, CleanupRules cleanup,
    Instant cleanupNextRunAt) {}
