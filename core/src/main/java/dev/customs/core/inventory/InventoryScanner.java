package dev.customs.core.inventory;

import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.layer.ExtractionLimits;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inventories an image: each layer is taken from the cache or analyzed (several at a time, bounded),
 * then the results are folded in layer order by the {@link Applier}.
 */
public final class InventoryScanner {
  private static final System.Logger LOG = System.getLogger(InventoryScanner.class.getName());

  private final LayerAnalyzer analyzer;
  private final List<String> checks;
  private final LayerCache cache;
  private final int parallelism;

  public InventoryScanner(List<PackageAnalyzer> analyzers, LayerCache cache, ExtractionLimits limits,
      int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.analyzer = new LayerAnalyzer(analyzers, limits, LayerAnalyzer.DEFAULT_MAX_FILE_SIZE);
    this.checks = analyzers.stream().flatMap(a -> a.checks().stream()).distinct().sorted().toList();
    this.cache = cache;
    this.parallelism = parallelism;
  }

  /** Default limits, and as many layers at a time as there are processors. */
  public InventoryScanner(List<PackageAnalyzer> analyzers, LayerCache cache) {
    this(analyzers, cache, ExtractionLimits.DEFAULT, Runtime.getRuntime().availableProcessors());
  }

  public Inventory scan(Image image) {
    List<Layer> layers = image.layers();
    List<LayerAnalysis> results = new ArrayList<>(layers.size());
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, layers.size())))) {
      List<Future<LayerAnalysis>> futures = new ArrayList<>();
      for (Layer layer : layers) {
        futures.add(pool.submit(() -> analyzeOrLoad(layer)));
      }
      for (Future<LayerAnalysis> future : futures) {
        results.add(await(future));
      }
    }
    return new Applier().apply(ImageFacts.of(image), results).withChecks(checks);
  }

  /** The result of one layer: from the cache when the layer is cacheable and cached, else analyzed. */
  public LayerAnalysis analyzeOrLoad(Layer layer) {
    if (!layer.cacheable()) {
      return analyzer.analyze(layer);
    }
    var cached = cache.get(layer.descriptor().diffId(), analyzer.analyzersKey());
    if (cached.isPresent()) {
      return cached.get();
    }
    LayerAnalysis analysis = analyzer.analyze(layer);
    try {
      cache.put(analysis);
    } catch (UncheckedIOException e) {
      // The cache only saves time: a full disk must not fail the scan.
      LOG.log(System.Logger.Level.WARNING, e.getMessage());
    }
    return analysis;
  }

  private static LayerAnalysis await(Future<LayerAnalysis> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analyzing layers", e);
    } catch (ExecutionException e) {
      // analyze() turns every read or analyzer failure into a problem, so this is a bug: surface it.
      throw new IllegalStateException("layer analysis failed: " + e.getCause(), e.getCause());
    }
  }
}
