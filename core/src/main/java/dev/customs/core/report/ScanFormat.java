package dev.customs.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One way of writing a {@link ScanResult} (a table, Customs JSON, a CycloneDX VDR). Adding a format
 * means one class and one line in {@link ScanFormats}. Writers know nothing of where the result came
 * from, and write the same bytes for the same result and context.
 */
public interface ScanFormat {
  /** The name users pick it by ({@code --format NAME}). */
  String name();

  /** Writes the report; does not close {@code out}. */
  void write(ScanResult result, SbomContext context, OutputStream out) throws IOException;
}
