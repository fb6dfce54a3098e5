package dev.customs.core.layer;

/**
 * Bounds on what reading one layer may cost, so that a decompression bomb or a hostile archive
 * stops with a clear error instead of exhausting memory or time.
 *
 * @param maxEntrySize the largest single file, uncompressed
 * @param maxLayerSize the most uncompressed bytes one layer may expand to
 * @param maxEntries the most entries one layer may hold
 */
public record ExtractionLimits(long maxEntrySize, long maxLayerSize, long maxEntries) {
  public static final ExtractionLimits DEFAULT =
      new ExtractionLimits(4L << 30, 32L << 30, 2_000_000);

  public ExtractionLimits {
    if (maxEntrySize <= 0 || maxLayerSize <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
  }
}
