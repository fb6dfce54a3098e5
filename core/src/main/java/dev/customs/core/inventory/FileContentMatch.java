package dev.customs.core.inventory;

/**
 * A file whose content matches a pattern of a file rule (a {@code files} policy control with
 * {@code contents}). Only where it matched is kept, never the matched text: the pattern may be
 * looking for credentials.
 *
 * @param rule the key of the rule ({@code FileRule.key()})
 * @param path the file, relative to the image root
 * @param line the 1-based line of the first match
 * @param pattern the regular expression that matched
 */
public record FileContentMatch(String rule, String path, int line, String pattern) {}
