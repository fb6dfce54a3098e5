package dev.customs.core.layer;

import java.io.IOException;
import java.io.InputStream;

/** Receives the entries of a layer in order. */
@FunctionalInterface
public interface LayerEntryVisitor {
  /**
   * Called once per entry. {@code content} holds the entry's bytes for files (empty otherwise);
   * it is only valid during the call and need not be read or closed.
   */
  void visit(LayerEntry entry, InputStream content) throws IOException;
}
