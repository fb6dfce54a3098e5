package dev.customs.core.vuln.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a bundle holds.
 *
 * @param schemaVersion the bundle schema version
 * @param builtAt when it was built
 * @param sha256 the checksum of the bundle file
 * @param feeds the feeds it was built from, in build order
 * @param rowCounts rows per main table ({@code vulnerabilities}, {@code affected}, {@code aliases},
 *     {@code kev}, {@code epss})
 */
public record BundleMetadata(
    int schemaVersion, Instant builtAt, String sha256, List<FeedMetadata> feeds, Map<String, Long> rowCounts) {
  public BundleMetadata {
    feeds = List.copyOf(feeds);
    rowCounts = Map.copyOf(rowCounts);
  }
}
