package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
