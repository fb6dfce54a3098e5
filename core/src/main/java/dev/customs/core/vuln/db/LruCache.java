package dev.customs.core.vuln.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map that drops the least recently used entry beyond its capacity: what the read path
 * caches of an open bundle (which never changes) stays a fixed size in a long-running process. Not
 * thread-safe; {@link VulnDb} callers hold its lock.
 */
final class LruCache<K, V> {
  private final Map<K, V> entries;

  LruCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached value of the key, computed and kept when absent (the loader must not return null). */
  V get(K key, Function<K, V> loader) {
    V value = entries.get(key);
    if (value == null) {
      value = loader.apply(key);
      entries.put(key, value);
    }
    return value;
  }
}
