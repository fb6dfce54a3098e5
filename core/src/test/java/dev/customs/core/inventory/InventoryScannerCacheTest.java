package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.layer.ExtractionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers shared between images are analyzed once; everything else about the result stays the same. */
class InventoryScannerCacheTest {
  @TempDir Path cacheDir;

  /** Counts hits around the real disk cache. */
  private static final class CountingCache implements LayerCache {
    final LayerCache delegate;
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger puts = new AtomicInteger();

    CountingCache(LayerCache delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<LayerAnalysis> get(Digest diffId, String key) {
      Optional<LayerAnalysis> found = delegate.get(diffId, key);
      found.ifPresent(f -> hits.incrementAndGet());
      return found;
    }

    @Override
    public void put(LayerAnalysis analysis) {
      puts.incrementAndGet();
      delegate.put(analysis);
    }
  }

  private static TestLayer base() {
    return new TestLayer("base").file("var/lib/pkgdb", "pkg DEB libc 2.36").file("etc/os-release", "os debian 12.7");
  }

  @Test
  void aSecondImageSharingBaseLayersAnalyzesOnlyItsOwnLayers() {
    FakeAnalyzer db = new FakeAnalyzer("db", 1, "pkgdb");
    FakeAnalyzer os = new FakeAnalyzer("os", 1, "os-release");
    CountingCache cache = new CountingCache(new DiskLayerCache(cacheDir));
    InventoryScanner scanner = new InventoryScanner(List.of(db, os), cache, ExtractionLimits.DEFAULT, 2);
    TestLayer sharedBase = base();
    TestLayer sharedMiddle = new TestLayer("middle").file("opt/pkgdb", "pkg NPM left-pad 1.3.0");

    Inventory first = scanner.scan(TestImage.of("one", sharedBase, sharedMiddle, new TestLayer("one-top")
        .file("app/pkgdb", "pkg NPM one 1")));
    int analyzedAfterFirst = db.calls();
    TestLayer ownTop = new TestLayer("two-top").file("app/pkgdb", "pkg NPM two 2");
    Inventory second = scanner.scan(TestImage.of("two", base(), new TestLayer("middle")
        .file("opt/pkgdb", "pkg NPM left-pad 1.3.0"), ownTop));

    assertThat(analyzedAfterFirst).isEqualTo(3);
    assertThat(db.calls()).isEqualTo(4);
    assertThat(cache.hits).hasValue(2);
    assertThat(cache.puts).hasValue(4);
    assertThat(ownTop.reads()).isEqualTo(1);
    assertThat(second.os()).get().extracting(OsRelease::version).isEqualTo("12.7");
    assertThat(second.packages()).extracting(p -> p.pkg().name()).containsExactly("libc", "left-pad", "two");
    assertThat(first.packages().get(0)).isEqualTo(second.packages().get(0));
  }

  @Test
  void aCachedResultGivesTheSameInventoryAsAFreshOne() {
    FakeAnalyzer db = new FakeAnalyzer("db", 1, "pkgdb");
    InventoryScanner cached = new InventoryScanner(List.of(db), new DiskLayerCache(cacheDir), ExtractionLimits.DEFAULT, 1);
    TestLayer layer = new TestLayer("rich").file("var/lib/pkgdb", "pkg DEB a 1:2.0-1\nproblem odd line 7")
        .file("usr/share/doc/a/copyright.pkgdb", "license DEB a MIT").file("usr/bin/su", "elf", 04755).whiteout("x");

    Inventory fresh = cached.scan(TestImage.of("img", layer));
    Inventory again = cached.scan(TestImage.of("img", layer));

    assertThat(layer.reads()).isEqualTo(1);
    assertThat(again).isEqualTo(fresh);
  }

  @Test
  void anAnalyzerVersionBumpReanalyzesAndNonCacheableLayersAreNeverStored() {
    DiskLayerCache cache = new DiskLayerCache(cacheDir);
    TestLayer layer = base();
    TestLayer live = new TestLayer("rootfs").file("x/pkgdb", "pkg NPM x 1").notCacheable();
    new InventoryScanner(List.of(new FakeAnalyzer("db", 1, "pkgdb")), cache).scan(TestImage.of("a", layer, live));
    new InventoryScanner(List.of(new FakeAnalyzer("db", 1, "pkgdb")), cache).scan(TestImage.of("a", layer, live));
    new InventoryScanner(List.of(new FakeAnalyzer("db", 2, "pkgdb")), cache).scan(TestImage.of("a", layer, live));

    assertThat(layer.reads()).isEqualTo(2);
    assertThat(live.reads()).isEqualTo(3);
  }

  @Test
  void anIncompleteLayerIsNotCached() throws Exception {
    DiskLayerCache cache = new DiskLayerCache(cacheDir);
    TestLayer broken = new TestLayer("broken").file("a/pkgdb", "pkg NPM a 1").file("b/pkgdb", "pkg NPM b 1").failAfter(1);
    InventoryScanner scanner = new InventoryScanner(List.of(new FakeAnalyzer("db", 1, "pkgdb")), cache);

    Inventory inventory = scanner.scan(TestImage.of("a", broken));
    scanner.scan(TestImage.of("a", broken));

    assertThat(inventory.problems()).extracting(AnalysisProblem::reason).singleElement().asString()
        .contains("could not be read to its end");
    assertThat(broken.reads()).isEqualTo(2);
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertThat(files).isEmpty();
    }
  }
}
