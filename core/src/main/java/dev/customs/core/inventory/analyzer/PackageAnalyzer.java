package dev.customs.core.inventory.analyzer;

import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.List;

/**
 * Finds packages (or OS facts, or secrets) in the files of a layer. The framework reads each layer
 * once, asks every analyzer whether it {@link #wants} an entry, buffers only wanted entries, and
 * hands them to {@link #analyze}. Analyzers never do I/O of their own and keep no state between
 * files, so the result of a layer depends only on its content and the analyzers' {@link #version}s.
 *
 * <p>Errors: a malformed file is reported with {@link AnalysisSink#problem} and the analyzer returns
 * normally; throwing is reserved for bugs. Implementations must be thread-safe.
 */
public interface PackageAnalyzer {
  /** A stable, short name, e.g. {@code dpkg}; used in results and cache keys. */
  String name();

  /** Bump whenever the analyzer's output for the same input changes: cached layers are re-analyzed. */
  int version();

  /**
   * What a configurable analyzer was configured to check (e.g. the keys of policy file rules):
   * part of the layer cache key, and recorded in the inventory so that a policy can tell whether
   * its check was applied. Empty for analyzers whose output depends only on their version.
   */
  default List<String> checks() {
    return List.of();
  }

  /** Whether this analyzer needs the content of this entry (only regular files are offered). */
  boolean wants(LayerEntry entry);

  /** Analyzes one wanted file and reports what it finds to the sink. */
  void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException;
}
