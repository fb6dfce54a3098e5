package dev.customs.core.image;

import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntryVisitor;
import dev.customs.core.layer.LayerReader;
import java.io.IOException;
import java.io.InputStream;

/** One layer of an {@link Image}, readable as a stream of tar entries. */
public interface Layer {
  LayerDescriptor descriptor();

  /**
   * Opens the blob as the source stores it (usually compressed). The stream verifies the blob's
   * digest and size as it is read and fails at its end when they do not match.
   */
  InputStream openBlob() throws IOException;

  /**
   * Streams every entry of the layer to the visitor, in tar order, never unpacking to disk.
   * A directory source overrides this to walk the directory instead of a tar.
   */
  default void readEntries(ExtractionLimits limits, LayerEntryVisitor visitor) throws IOException {
    try (InputStream blob = openBlob()) {
      new LayerReader(limits).read(descriptor(), blob, visitor);
    }
  }

  /** Whether results for this layer may be cached by its diffID (false for a live directory). */
  default boolean cacheable() {
    return true;
  }
}
