package dev.customs.core.layer;

import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Reads every layer of an image to its end — verifying blob digests and diffIDs — and reports what
 * each holds. Layers are read in parallel, at most {@code parallelism} at a time, because a registry
 * serves each blob at its own pace.
 */
public final class LayerMeasurer {
  private final ExtractionLimits limits;
  private final int parallelism;

  public LayerMeasurer(ExtractionLimits limits, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.limits = limits;
    this.parallelism = parallelism;
  }

  /**
   * Measures the layers, bottom first. {@code progress} receives the number of stored (compressed)
   * bytes read as they arrive, from any thread.
   */
  public List<LayerStats> measure(Image image, LongConsumer progress) throws IOException {
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, image.layers().size())),
        Thread.ofPlatform().daemon().name("layer-read-", 0).factory())) {
      List<Future<LayerStats>> futures = new ArrayList<>();
      for (Layer layer : image.layers()) {
        futures.add(pool.submit(() -> measure(layer, progress)));
      }
      List<LayerStats> stats = new ArrayList<>();
      for (Future<LayerStats> f : futures) {
        stats.add(await(f));
      }
      return List.copyOf(stats);
    }
  }

  private LayerStats measure(Layer layer, LongConsumer progress) throws IOException {
    if (!layer.cacheable()) {
      return walk(layer);
    }
    try (InputStream blob = new CountingInputStream(layer.openBlob(), progress)) {
      return new LayerReader(limits).measure(layer.descriptor(), blob);
    }
  }

  /** A live directory has no tar stream: its size is the sum of its files. */
  private LayerStats walk(Layer layer) throws IOException {
    long[] totals = new long[2];
    layer.readEntries(limits, (entry, content) -> {
      totals[0]++;
      totals[1] += entry.size();
    });
    return new LayerStats(totals[0], totals[1]);
  }

  private static LayerStats await(Future<LayerStats> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading layers", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Reports the bytes that pass through it. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final LongConsumer progress;

    CountingInputStream(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.accept(n);
      }
      return n;
    }
  }
}
