package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.VersionRange;
import java.util.List;

/**
 * The parsed {@code ranges} and {@code versions} columns of {@code affected} rows, keyed by their
 * JSON text. Parsing that JSON was most of the Java time of a lookup, and the text repeats a lot:
 * every run over the same packages reads the same rows again, and many rows share one range
 * ({@code introduced 0, fixed X}). Callers hold the {@link VulnDb} lock; the lists are immutable.
 */
final class ParsedColumnCache {
  private final LruCache<String, List<VersionRange>> ranges;
  private final LruCache<String, List<String>> versions;

  ParsedColumnCache(int capacity) {
    this.ranges = new LruCache<>(capacity);
    this.versions = new LruCache<>(capacity);
  }

  List<VersionRange> ranges(String json) {
    return ranges.get(json, j -> List.copyOf(RangesJson.readRanges(j)));
  }

  List<String> versions(String json) {
    return versions.get(json, j -> List.copyOf(RangesJson.readStrings(j)));
  }
}
