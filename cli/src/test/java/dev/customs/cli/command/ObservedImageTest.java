package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.output.ScanProgress;
import dev.customs.core.image.Image;
import dev.customs.core.image.source.ArchiveImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress of a real scan: every stored byte of every layer, and the layers the cache spared. */
class ObservedImageTest {
  @TempDir Path cacheDir;

  private record Observed(Inventory inventory, String drawn, long stored) {}

  private static Observed scan(LayerCache cache) throws Exception {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    try (Image image = new ArchiveImageSource(TestData.testdata("images/debian12.oci.tar"))
        .open(SourceOptions.DEFAULT.withSelector("debian12-app"));
        PrintStream out = new PrintStream(drawn, true, StandardCharsets.UTF_8)) {
      long stored = ObservedImage.storedSize(image);
      Inventory inventory;
      try (ScanProgress progress = ScanProgress.render(image.layers().size(), stored, out, 1)) {
        inventory = new InventoryScanner(Analyzers.defaults(), cache).scan(new ObservedImage(image, progress));
        progress.finish();
      }
      return new Observed(inventory, drawn.toString(StandardCharsets.UTF_8), stored);
    }
  }

  @Test
  void countsEveryLayerReadAndTheCacheHitsOfTheNextScan() throws Exception {
    DiskLayerCache cache = new DiskLayerCache(cacheDir);
    Observed first = scan(cache);
    Observed second = scan(cache);

    String mb = (first.stored() >> 20) + "/" + (first.stored() >> 20) + " MB";
    assertThat(last(first.drawn())).contains("100%").contains(mb).contains("5 read").doesNotContain("from cache");
    assertThat(last(second.drawn())).contains("100%").contains("0 read, 5 from cache");
    assertThat(second.inventory().packages()).isEqualTo(first.inventory().packages());
  }

  private static String last(String drawn) {
    return drawn.substring(drawn.lastIndexOf('\r') + 1);
  }
}
