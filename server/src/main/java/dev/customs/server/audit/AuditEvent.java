package dev.customs.server.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change: who did what to which object, and when. {@code detail} never holds secrets.
 *
 * @param actor {@code user:<name>}, {@code token:<name>} or {@code system}
 * @param action verb in the form {@code <object>.<verb>}, e.g. {@code registry.create}
 */
public record AuditEvent(UUID id, Instant at, String actor, String action, String targetType, String targetId,
    String detail) {}
