package dev.customs.core.inventory.analyzer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a manifest or lock file (JSON, TOML, YAML: whatever the mapper reads) into a tree, the
 * first step of every such analyzer. A file that does not parse is the image's problem, not the
 * run's: it becomes one problem naming the file and the parser's reason, and the analyzer goes on
 * to the next file.
 */
public final class DocumentTrees {
  private DocumentTrees() {}

  /**
   * @param what how the problem names the kind of file, e.g. {@code "Cargo.lock"}
   * @return the tree, or empty when the content is not valid (the problem is then reported)
   */
  public static Optional<JsonNode> read(ObjectMapper mapper, String what, AnalyzerInput input, AnalysisSink sink)
      throws IOException {
    try {
      return Optional.ofNullable(mapper.readTree(input.content()));
    } catch (JacksonException e) {
      sink.problem(what + " " + input.path() + " is not valid " + format(mapper) + ": "
          + e.getOriginalMessage());
      return Optional.empty();
    }
  }

  /** JSON, TOML, YAML: factories name their format in varying case ({@code toml}). */
  private static String format(ObjectMapper mapper) {
    return mapper.getFactory().getFormatName().toUpperCase(Locale.ROOT);
  }
}
