package dev.customs.cli.command;

import dev.customs.cli.options.ImageOptions;
import dev.customs.cli.options.LayerCacheOptions;
import dev.customs.core.image.Image;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** Opens the image the options name and inventories it: the first half of {@code sbom} and {@code scan}. */
final class ImageInventory {
  private ImageInventory() {}

  /**
   * @throws IOException when the image cannot be read (exit code 3)
   * @throws IllegalArgumentException when the options are malformed (exit code 2)
   */
  static Inventory read(ImageOptions image, LayerCacheOptions cache) throws IOException {
    return read(image, cache, Analyzers.defaults());
  }

  /** With the given analyzers, e.g. without the secret analyzer for a report that shows no secrets. */
  static Inventory read(ImageOptions image, LayerCacheOptions cache, List<PackageAnalyzer> analyzers)
      throws IOException {
    try (Image opened = image.open()) {
      return new InventoryScanner(analyzers, cache.cache()).scan(opened);
    }
  }

  /** What could not be analyzed, one warning per problem. */
  static void warn(String command, Inventory inventory, PrintWriter err) {
    inventory.problems().forEach(p -> err.println("customs " + command + ": warning: "
        + (p.path().isEmpty() ? "" : p.path() + ": ") + p.reason() + (p.layer().isEmpty() ? "" : " (layer " + p.layer() + ")")));
  }
}
