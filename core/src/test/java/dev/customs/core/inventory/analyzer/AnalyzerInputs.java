package dev.customs.core.inventory.analyzer;

import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds analyzer inputs the way the layer reader will: a regular-file entry plus its bytes. */
public final class AnalyzerInputs {
  private AnalyzerInputs() {}

  public static LayerEntry file(String path, long size) {
    return new LayerEntry(path, EntryType.FILE, size, 0644, 0, 0, Optional.empty());
  }

  public static AnalyzerInput of(String path, byte[] content) {
    return new AnalyzerInput(file(path, content.length), content);
  }

  public static AnalyzerInput of(String path, String content) {
    return of(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every file below {@code dir} except {@code expected*.tsv}, with paths relative to the
   * directory's parent ({@code <case>/dist-packages/x.dist-info/METADATA}).
   */
  public static List<AnalyzerInput> filesOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("expected"))
          .sorted()
          .map(f -> of(dir.getParent().relativize(f).toString().replace('\\', '/'), bytes(f)))
          .toList();
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
