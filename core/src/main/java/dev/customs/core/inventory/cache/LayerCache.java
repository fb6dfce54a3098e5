package dev.customs.core.inventory.cache;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.LayerAnalysis;
import java.util.Optional;

/**
 * Stores layer results by diffID and analyzers key ({@link
 * dev.customs.core.inventory.LayerAnalyzer#analyzersKey}), so that a base layer shared by many images
 * is analyzed once. The CLI keeps them on disk; the server can keep them in its database.
 *
 * <p>A cache is an optimisation only: {@link #get} never throws for a broken or missing entry (it
 * answers empty), and a failed {@link #put} (an {@link java.io.UncheckedIOException}) is logged by
 * the scanner, not an error of the scan. Implementations must be thread-safe: layers are analyzed in
 * parallel.
 */
public interface LayerCache {
  /** The stored result for this layer and analyzers key, or empty when there is none (or it is unreadable). */
  Optional<LayerAnalysis> get(Digest diffId, String analyzersKey);

  /**
   * Stores a complete result under its own diffID and analyzers key, replacing any older entry;
   * incomplete results ({@code complete == false}) are ignored.
   */
  void put(LayerAnalysis analysis);
}
