package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  private final List<String> loaded = new ArrayList<>();

  private String load(String key) {
    loaded.add(key);
    return key.toUpperCase();
  }

  @Test
  void loadsEachKeyOnceWhileItIsKept() {
    LruCache<String, String> cache = new LruCache<>(2);

    assertThat(cache.get("a", this::load)).isEqualTo("A");
    assertThat(cache.get("a", this::load)).isEqualTo("A");

    assertThat(loaded).containsExactly("a");
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
    LruCache<String, String> cache = new LruCache<>(2);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.get("a", this::load); // a is now more recent than b
    cache.get("c", this::load); // over capacity: b goes

    cache.get("a", this::load);
    cache.get("b", this::load);

    assertThat(loaded).containsExactly("a", "b", "c", "b");
  }

  @Test
  void loadsTheMissingKeysOfABatchInOneCallAndKeepsThem() {
    LruCache<String, String> cache = new LruCache<>(10);
    cache.get("a", this::load);
    List<List<String>> batches = new ArrayList<>();

    Map<String, String> first = cache.getAll(List.of("a", "b", "c"), keys -> {
      batches.add(keys);
      return Map.of("b", "B"); // nothing for c
    }, "none");
    Map<String, String> again = cache.getAll(List.of("b", "c"), keys -> {
      batches.add(keys);
      return Map.of();
    }, "none");

    assertThat(first).containsExactlyInAnyOrderEntriesOf(Map.of("a", "A", "b", "B", "c", "none"));
    assertThat(again).containsExactlyInAnyOrderEntriesOf(Map.of("b", "B", "c", "none"));
    assertThat(batches).containsExactly(List.of("b", "c"));
  }
}
