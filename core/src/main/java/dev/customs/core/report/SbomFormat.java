package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One way of writing an {@link Inventory} (CycloneDX, SPDX, Customs JSON, a table). Adding a format
 * means one class and one line in {@link SbomFormats}. Writers know nothing of where the inventory
 * came from, and write the same bytes for the same inventory and context.
 */
public interface SbomFormat {
  /** The name users pick it by ({@code --format NAME}). */
  String name();

  /**
   * Whether the document lists secrets found in the image. When it does not, an inventory made only
   * for it need not look for them, which saves reading every text file of the image.
   */
  default boolean showsSecrets() {
    return false;
  }

  /** Writes the document; does not close {@code out}. */
  void write(Inventory inventory, SbomContext context, OutputStream out) throws IOException;
}
