package dev.customs.testkit;

import dev.customs.core.image.Image;
import dev.customs.core.image.source.OciArchiveSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.cache.NoLayerCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Inventories of the real test images, read once per test JVM. */
public final class TestImages {
  private static final Map<String, Inventory> INVENTORIES = new HashMap<>();

  private TestImages() {}

  /** {@code debian12}, {@code debian12-app} (of debian12.oci.tar) or {@code alpine-3.20.3}. */
  public static synchronized Inventory inventory(String ref) {
    return INVENTORIES.computeIfAbsent(ref, TestImages::scan);
  }

  private static Inventory scan(String ref) {
    String archive = ref.startsWith("alpine") ? "images/alpine-3.20.3.oci.tar" : "images/debian12.oci.tar";
    try (Image image = new OciArchiveSource(TestData.testdata(archive)).open(SourceOptions.DEFAULT.withSelector(ref))) {
      return new InventoryScanner(Analyzers.defaults(), NoLayerCache.INSTANCE).scan(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
