package dev.customs.core.policy;

/**
 * One control's result within a policy and what it means.
 *
 * @param id {@code controls[N] type}
 * @param explanation what the control checks, in words
 * @param note why a failure only warns (audit, grace period), or empty
 */
public record ControlAssessment(String id, String explanation, PolicyAction action, ControlResult result,
    Verdict verdict, String note) {}
