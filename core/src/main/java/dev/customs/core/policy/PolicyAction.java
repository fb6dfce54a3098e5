package dev.customs.core.policy;

/** What a failing policy (or control) does: make the image non-compliant, or only report. */
public enum PolicyAction { BLOCK, AUDIT }
