package dev.customs.core.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fails a response body that stops delivering data for longer than the read timeout. The JDK
 * HttpClient's timeout ends when the headers arrive, so without this a registry that stalls in the
 * middle of a layer would hang the scan forever. The stream is closed from a timer thread, which
 * unblocks the reader.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
  private final Duration idle;
  private final ScheduledFuture<?> watchdog;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean timedOut;

  IdleTimeoutInputStream(InputStream in, Duration idle, ScheduledExecutorService timer) {
    super(in);
    this.idle = idle;
    long period = Math.max(idle.toMillis() / 4, 10);
    this.watchdog = timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (!timedOut && System.nanoTime() - lastProgress > idle.toNanos()) {
      timedOut = true;
      try {
        in.close();
      } catch (IOException e) {
        // the reader sees the timeout either way
      }
      watchdog.cancel(false);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      throw timedOut ? timeout(e) : e;
    }
    if (timedOut) {
      throw timeout(null);
    }
    lastProgress = System.nanoTime();
    if (n < 0) {
      watchdog.cancel(false);
    }
    return n;
  }

  private HttpTimeoutException timeout(IOException cause) {
    HttpTimeoutException e = new HttpTimeoutException("no data received for " + idle.toMillis() + " ms");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  @Override
  public void close() throws IOException {
    watchdog.cancel(false);
    super.close();
  }
}
