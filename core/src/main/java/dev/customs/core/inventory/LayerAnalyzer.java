package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Layer;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Analyzes one layer on its own: reads it once, offers every regular file to every analyzer, buffers
 * only wanted files (up to {@code maxFileSize}), and records what the applier needs to fold layers
 * (every path written, whiteouts, opaque dirs) and the facts policies judge (setuid/setgid files,
 * the accounts of {@code etc/passwd}). Thread-safe: layers may be analyzed in parallel.
 */
public final class LayerAnalyzer {
  /** Bump when {@link LayerAnalysis} changes shape or meaning: every cached layer is re-analyzed. */
  public static final int SCHEMA_VERSION = 3;
  /** Wanted files larger than this are skipped with a problem instead of being buffered. */
  public static final long DEFAULT_MAX_FILE_SIZE = 256L << 20;

  private final List<PackageAnalyzer> analyzers;
  private final ExtractionLimits limits;
  private final long maxFileSize;
  private final String analyzersKey;

  public LayerAnalyzer(List<PackageAnalyzer> analyzers, ExtractionLimits limits, long maxFileSize) {
    if (maxFileSize <= 0 || maxFileSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxFileSize must be between 1 byte and 2 GiB, was " + maxFileSize);
    }
    this.analyzers = List.copyOf(analyzers);
    this.limits = limits;
    this.maxFileSize = maxFileSize;
    this.analyzersKey = analyzersKey(this.analyzers);
  }

  /**
   * A digest of the schema version and every analyzer's name, version and checks: a layer result is
   * valid for exactly this key, so bumping one analyzer's version (or configuring it with other
   * checks) invalidates cached layers.
   */
  public static String analyzersKey(List<PackageAnalyzer> analyzers) {
    StringBuilder text = new StringBuilder("schema=").append(SCHEMA_VERSION).append('\n');
    analyzers.stream()
        .sorted(Comparator.comparing(PackageAnalyzer::name))
        .forEach(a -> text.append(a.name()).append('=').append(a.version())
            .append(a.checks().isEmpty() ? "" : " " + String.join(",", a.checks())).append('\n'));
    return Digest.sha256(text.toString().getBytes(StandardCharsets.UTF_8)).hex();
  }

  public String analyzersKey() {
    return analyzersKey;
  }

  /**
   * Analyzes the layer. Never throws for bad content: a layer that cannot be read to its end gives a
   * partial, {@code complete == false} result with a problem naming the layer and the reason.
   */
  public LayerAnalysis analyze(Layer layer) {
    Digest diffId = layer.descriptor().diffId();
    LayerCollector collector = new LayerCollector(diffId.toString());
    boolean complete = true;
    try {
      layer.readEntries(limits, (entry, content) -> visit(collector, entry, content));
    } catch (IOException | RuntimeException e) {
      complete = false;
      collector.layerProblem("", "layer could not be read to its end: " + describe(e));
    }
    return collector.result(diffId, analyzersKey, complete);
  }

  private void visit(LayerCollector collector, LayerEntry entry, InputStream content) throws IOException {
    if (!collector.record(entry) || !entry.isFile()) {
      return;
    }
    List<PackageAnalyzer> wanting = wanting(collector, entry);
    boolean passwd = entry.path().equals(PasswdParser.PATH) && entry.size() <= PasswdParser.MAX_SIZE;
    if (wanting.isEmpty() && !passwd) {
      return;
    }
    if (entry.size() > maxFileSize) {
      collector.layerProblem(entry.path(), "not analyzed: " + entry.size() + " bytes is over the per-file limit of "
          + maxFileSize + " bytes");
      return;
    }
    AnalyzerInput input = new AnalyzerInput(entry, content.readNBytes((int) entry.size()));
    if (passwd) {
      collector.users(PasswdParser.parse(input.content()));
    }
    for (PackageAnalyzer analyzer : wanting) {
      collector.add(run(analyzer, input));
    }
  }

  private List<PackageAnalyzer> wanting(LayerCollector collector, LayerEntry entry) {
    List<PackageAnalyzer> wanting = new ArrayList<>(2);
    for (PackageAnalyzer analyzer : analyzers) {
      if (collector.isDisabled(analyzer.name())) {
        continue;
      }
      try {
        if (analyzer.wants(entry)) {
          wanting.add(analyzer);
        }
      } catch (RuntimeException e) {
        // A wants() that throws would likely throw for every entry: one problem, then skip it.
        collector.disable(analyzer.name());
        collector.layerProblem(entry.path(), "analyzer " + analyzer.name() + " failed: " + describe(e)
            + " (skipped for the rest of this layer)");
      }
    }
    return wanting;
  }

  private static FileResult run(PackageAnalyzer analyzer, AnalyzerInput input) {
    FileResultCollector sink = new FileResultCollector(input.path(), analyzer.name());
    try {
      analyzer.analyze(input, sink);
    } catch (IOException | RuntimeException e) {
      // A bug or an unreadable file in one analyzer must not cost the rest of the scan.
      sink.problem("analyzer " + analyzer.name() + " failed: " + describe(e));
    }
    return sink.result();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
