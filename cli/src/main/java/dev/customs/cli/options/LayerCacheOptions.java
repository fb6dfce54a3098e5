package dev.customs.cli.options;

import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.inventory.cache.NoLayerCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where layer analysis results are cached, shared by the commands that inventory an image. */
public final class LayerCacheOptions {
  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where layer results are cached (default: $XDG_CACHE_HOME/customs/layers or ~/.cache/customs/layers).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Analyze every layer, reading and writing no cache.")
  boolean noCache;

  public LayerCache cache() {
    return noCache ? NoLayerCache.INSTANCE : new DiskLayerCache(cacheDir != null ? cacheDir : DiskLayerCache.defaultDirectory());
  }
}
