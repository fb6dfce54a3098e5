package dev.customs.core.vuln.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * The values of many keys; those not cached are loaded together by one call of the loader (one
   * query for all of them), and kept. A key the loader's map leaves out gets {@code absent}.
   */
  Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> loader, V absent) {
    Map<K, V> values = new HashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = entries.get(key);
      if (value == null) {
        missing.add(key);
      } else {
        values.put(key, value);
      }
    }
    if (!missing.isEmpty()) {
      Map<K, V> loaded = loader.apply(missing);
      for (K key : missing) {
        V value = loaded.getOrDefault(key, absent);
        entries.put(key, value);
        values.put(key, value);
      }
    }
    return values;
  }
}
