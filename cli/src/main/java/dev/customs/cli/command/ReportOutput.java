package dev.customs.cli.command;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report to {@code --output FILE} or standard output (left open). */
final class ReportOutput {
  /** What writes the report. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private ReportOutput() {}

  static void write(Path output, Writer writer) throws IOException {
    try (OutputStream out = output == null ? new NonClosingStream(System.out) : Files.newOutputStream(output)) {
      OutputStream buffered = new BufferedOutputStream(out);
      writer.write(buffered);
      buffered.flush();
    }
  }
}
