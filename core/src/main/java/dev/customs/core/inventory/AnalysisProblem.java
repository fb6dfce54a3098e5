package dev.customs.core.inventory;

/**
 * Something that could not be analyzed. It is part of the result, not only a log line: the scan goes
 * on, and a policy can judge an incomplete scan.
 *
 * @param layer the diffID (or name) of the layer, or empty when not layer-specific
 * @param path the file, or empty
 * @param reason what was wrong, in words a user can act on
 */
public record AnalysisProblem(String layer, String path, String reason) {}
