package dev.customs.core.inventory.analyzer;

import dev.customs.core.layer.LayerEntry;
import java.nio.charset.StandardCharsets;

/**
 * A wanted file, fully buffered.
 *
 * @param entry the layer entry (its {@code path} is relative to the image root, without leading slash)
 * @param content the file's bytes
 */
public record AnalyzerInput(LayerEntry entry, byte[] content) {
  public String path() {
    return entry.path();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
