package dev.customs.core.vuln.db;

/**
 * A record or document skipped while importing a feed.
 *
 * @param location the record id, or the file ({@code dir/file.json}, {@code all.zip!entry.json})
 * @param reason what was wrong
 */
public record FeedProblem(String location, String reason) {}
