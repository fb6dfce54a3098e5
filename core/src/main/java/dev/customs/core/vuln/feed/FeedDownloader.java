package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads a feed file completely before it is read. A connection that drops fails the download;
 * so does one that stalls: feeds can be hundreds of megabytes, so there is no overall deadline, but
 * no byte for {@code stallTimeout} ends it.
 */
final class FeedDownloader {
  private final Duration stallTimeout;

  FeedDownloader(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  /** Downloads {@code uri} to {@code target}; throws naming the URL when it fails. */
  void download(URI uri, Path target) throws IOException {
    try (HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(stallTimeout)
        .build()) {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(stallTimeout).GET().build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
        }
        copyWatchingForStalls(body, target);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + uri + " interrupted", e);
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("GET ") ? e
          : new IOException("download of " + uri + " failed: " + e.getMessage(), e);
    }
  }

  private void copyWatchingForStalls(InputStream body, Path target) throws IOException {
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    AtomicBoolean stalled = new AtomicBoolean();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "feed-download-watchdog");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, stallTimeout.toMillis() / 4);
    watchdog.scheduleAtFixedRate(() -> {
      if (System.nanoTime() - lastProgress.get() > stallTimeout.toNanos() && stalled.compareAndSet(false, true)) {
        try {
          body.close(); // unblocks the reading thread with an IOException
        } catch (IOException e) {
          // Closing is only a means to stop the read; its own failure changes nothing.
        }
      }
    }, period, period, TimeUnit.MILLISECONDS);
    try (OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        lastProgress.set(System.nanoTime());
      }
    } catch (IOException e) {
      throw stalled.get() ? new IOException("no data received for " + stallTimeout.toSeconds() + " s", e) : e;
    } finally {
      watchdog.shutdownNow();
    }
  }
}
