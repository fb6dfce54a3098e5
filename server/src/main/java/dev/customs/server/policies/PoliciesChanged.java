package dev.customs.server.policies;

/**
 * A policy or exception was created, changed, enabled, disabled or deleted: stored scans are judged
 * again (after the change commits).
 *
 * @param what what changed, for logs, e.g. {@code policy strict enabled}
 */
public record PoliciesChanged(String what) {}
