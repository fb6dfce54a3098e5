package dev.customs.core.vuln.db;

import java.time.Instant;

/**
 * What the bundle records about one imported feed.
 *
 * @param timestamp the feed's own newest date, or null when the feed states none
 * @param records records imported
 * @param malformed records or documents skipped as malformed
 */
public record FeedMetadata(String kind, String source, Instant timestamp, long records, long malformed) {}
