package dev.customs.cli.command;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a scan on its own thread so that {@code --timeout} can abandon it. On timeout the thread is
 * interrupted (which cancels registry requests and layer reads) and given a short grace period to
 * unwind, so that the image it opened is closed and its temporary files are deleted before the
 * command exits.
 */
final class ScanDeadline {
  static final Duration GRACE = Duration.ofSeconds(10);

  private final Duration timeout;

  ScanDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * The work's result, or its exception as it threw it.
   *
   * @throws TimeoutException when the work took longer than the timeout; it has been interrupted
   */
  <T> T run(Callable<T> work) throws IOException, TimeoutException {
    FutureTask<T> task = new FutureTask<>(work);
    // A daemon: a read that ignores the interrupt must not keep the JVM alive after the exit code.
    Thread thread = Thread.ofPlatform().daemon().name("customs-scan").start(task);
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      join(thread);
      throw e;
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  /** As people and Trivy write it: 5m0s, 30s, 1h2m3s, 250ms. */
  static String format(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (d.toHours() > 0) {
      text.append(d.toHours()).append('h');
    }
    if (d.toHours() > 0 || d.toMinutesPart() > 0) {
      text.append(d.toMinutesPart()).append('m');
    }
    text.append(d.toSecondsPart());
    if (d.toMillisPart() > 0) {
      text.append('.').append(String.format("%03d", d.toMillisPart()).replaceAll("0+$", ""));
    }
    return text.append('s').toString();
  }
}
