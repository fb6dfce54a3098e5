package dev.customs.core.layer;

import dev.customs.core.image.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a layer blob (gzip, zstd or plain tar; the media type is checked against the magic bytes)
 * as a stream of normalized {@link LayerEntry entries}, enforcing {@link ExtractionLimits}.
 */
public final class LayerReader {
  private final ExtractionLimits limits;

  public LayerReader(ExtractionLimits limits) {
    this.limits = limits;
  }

  public void read(LayerDescriptor layer, InputStream blob, LayerEntryVisitor visitor) throws IOException {
    throw new LayerFormatException("layer reading is being implemented (limits " + limits + ", " + layer + ")");
  }
}
