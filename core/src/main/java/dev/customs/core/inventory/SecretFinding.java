package dev.customs.core.inventory;

/**
 * A secret found in a file. The value itself is never kept: {@code redacted} shows only enough to
 * recognise it (a prefix and asterisks).
 *
 * @param ruleId the rule that matched, e.g. {@code aws-access-key-id}
 * @param category the kind of credential, e.g. {@code AWS}
 * @param severity CRITICAL, HIGH, MEDIUM or LOW
 * @param path the file, relative to the image root
 * @param line the 1-based line of the match
 */
public record SecretFinding(String ruleId, String category, String severity, String title, String path,
    int line, String redacted) {}
