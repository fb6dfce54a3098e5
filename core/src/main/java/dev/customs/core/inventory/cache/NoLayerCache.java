package dev.customs.core.inventory.cache;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.LayerAnalysis;
import java.util.Optional;

/** A cache that keeps nothing ({@code --no-cache}): every layer is analyzed every time. */
public final class NoLayerCache implements LayerCache {
  public static final NoLayerCache INSTANCE = new NoLayerCache();

  private NoLayerCache() {}

  @Override
  public Optional<LayerAnalysis> get(Digest diffId, String analyzersKey) {
    return Optional.empty();
  }

  @Override
  public void put(LayerAnalysis analysis) {
    // nothing is kept, by design
  }
}
