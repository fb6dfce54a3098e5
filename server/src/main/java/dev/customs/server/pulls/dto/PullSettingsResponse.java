package dev.customs.server.pulls.dto;

import dev.customs.server.pulls.PullSettings;
import java.time.Instant;

/** A registry's pull settings and when the schedule runs it next (null until the scheduler has looked). */
public record PullSettingsResponse(PullSettings settings, Instant nextRunAt) {}
