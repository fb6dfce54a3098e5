package dev.customs.cli.output;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while bytes arrive — only on a terminal and without --quiet, so
 * pipelines and redirected output stay clean.
 */
public final class ByteProgress implements LongConsumer, AutoCloseable {
  private final ProgressBar bar;

  private ByteProgress(ProgressBar bar) {
    this.bar = bar;
  }

  public static ByteProgress start(String task, long totalBytes, boolean quiet) {
    if (quiet || !Terminal.attached()) {
      return new ByteProgress(null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(totalBytes > 0 ? totalBytes : -1)
        .setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .build();
    return new ByteProgress(bar);
  }

  @Override
  public void accept(long bytes) {
    if (bar != null) {
      bar.stepBy(bytes);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
