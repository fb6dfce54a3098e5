package dev.customs.cli.output;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of {@code customs scan} on standard error: one bar over the stored (compressed)
 * bytes of all layers, and how many layers are read. Layers whose results come from the cache are
 * never downloaded, so their bytes are counted when the scan ends. Shown only when
 * {@link #shown(boolean, boolean) a person is watching}; otherwise every call does nothing.
 */
public final class ScanProgress implements AutoCloseable {
  /** Nothing shown, nothing counted. */
  public static final ScanProgress NONE = new ScanProgress(null, 0);

  private final ProgressBar bar;
  private final int layers;
  private final AtomicInteger read = new AtomicInteger();

  private ScanProgress(ProgressBar bar, int layers) {
    this.bar = bar;
    this.layers = layers;
  }

  /** A bar only on a terminal and without --quiet: pipelines and redirected output stay clean. */
  public static boolean shown(boolean quiet, boolean terminal) {
    return !quiet && terminal;
  }

  /** Starts a bar on standard error when {@link #shown} says so. */
  public static ScanProgress start(int layers, long totalBytes, boolean quiet) {
    return shown(quiet, Terminal.attached()) ? render(layers, totalBytes, System.err, 200) : NONE;
  }

  /** A bar drawn on {@code out}, redrawn at most every {@code intervalMillis}. */
  public static ScanProgress render(int layers, long totalBytes, PrintStream out, int intervalMillis) {
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("Scanning " + layers + (layers == 1 ? " layer" : " layers"))
        .setInitialMax(totalBytes > 0 ? totalBytes : -1)
        .setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(out, 120))
        .setUpdateIntervalMillis(intervalMillis)
        .build();
    bar.setExtraMessage("0/" + layers + " layers read");
    return new ScanProgress(bar, layers);
  }

  /** Stored bytes of a layer arrived (from any thread). */
  public void bytes(long count) {
    if (bar != null) {
      bar.stepBy(count);
    }
  }

  /** One more layer was read to its end and analyzed (from any thread). */
  public void layerRead() {
    if (bar != null) {
      read.incrementAndGet();
      message();
    }
  }

  /** The scan has all its layers: the rest came from the cache. */
  public void finish() {
    if (bar != null) {
      int cached = layers - read.get();
      bar.setExtraMessage(read.get() + " read" + (cached > 0 ? ", " + cached + " from cache" : ""));
      if (bar.getMax() > 0) {
        bar.stepTo(bar.getMax());
      }
    }
  }

  // A finished layer is drawn at once rather than at the next tick: it is what the user waits for.
  private void message() {
    bar.setExtraMessage(read.get() + "/" + layers + " layers read");
    bar.refresh();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
