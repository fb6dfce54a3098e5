package dev.customs.core.vuln.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of parsed versions by their text. Matching compares the same few
 * thousand advisory versions (every {@code fixed} event of a package's records) against each
 * installed version, over and over: parsing them (regular expressions, big integers) was most of
 * the matcher's time. Parsed forms are immutable, so sharing them is safe. When full the memo is
 * emptied rather than evicting one by one: cheap, bounded, and the working set refills it at once.
 */
final class ParsedVersions<V> {
  private final int capacity;
  private final Map<String, V> parsed = new ConcurrentHashMap<>();

  ParsedVersions(int capacity) {
    this.capacity = capacity;
  }

  /** The parsed form of a version; a version the parser rejects is not kept (it throws every time). */
  V get(String version, Function<String, V> parser) {
    V value = parsed.get(version);
    if (value == null) {
      value = parser.apply(version);
      if (parsed.size() >= capacity) {
        parsed.clear();
      }
      parsed.put(version, value);
    }
    return value;
  }
}
