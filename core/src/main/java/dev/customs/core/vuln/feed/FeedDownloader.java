package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads a feed file (or a bundle) completely before it is read. A connection that drops fails
 * the download; so does one that stalls: feeds can be hundreds of megabytes, so there is no overall
 * deadline, but no byte for {@code stallTimeout} ends it. Downloads can be conditional: given the
 * validators of the copy already held, a 304 answer writes nothing.
 */
public final class FeedDownloader {
  private final Duration stallTimeout;

  public FeedDownloader(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  /** Downloads {@code uri} to {@code target}; throws naming the URL when it fails. */
  void download(URI uri, Path target) throws IOException {
    fetch(uri, target, CacheValidators.NONE, Map.of());
  }

  /**
   * Downloads {@code uri} to {@code target} unless the server says the copy identified by
   * {@code known} is current (304). {@code target} is only written on a 200; a failed download may
   * leave it partly written, so callers download to a temporary name.
   *
   * @param headers extra request headers (an {@code Authorization}, an API key)
   * @throws HttpStatusException on any status but 200 and 304, naming the URL and the status
   */
  public FetchResult fetch(URI uri, Path target, CacheValidators known, Map<String, String> headers)
      throws IOException {
    try (HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(stallTimeout)
        .build()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(stallTimeout).GET();
      headers.forEach(request::header);
      if (known.etag() != null) {
        request.header("If-None-Match", known.etag());
      }
      if (known.lastModified() != null) {
        request.header("If-Modified-Since", known.lastModified());
      }
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        Map<String, String> received = firstValues(response.headers());
        if (response.statusCode() == 304 && !known.isEmpty()) {
          return new FetchResult(304, known, 0, received);
        }
        if (response.statusCode() != 200) {
          throw new HttpStatusException("GET " + uri + ": HTTP " + response.statusCode(), response.statusCode());
        }
        long bytes = copyWatchingForStalls(body, target);
        CacheValidators validators = new CacheValidators(received.get("etag"), received.get("last-modified"));
        return new FetchResult(200, validators, bytes, received);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + uri + " interrupted", e);
    } catch (HttpStatusException e) {
      throw e;
    } catch (IOException e) {
      // Some failures (a refused connection) carry no message: their type says what happened.
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IOException("download of " + uri + " failed: " + reason, e);
    }
  }

  private static Map<String, String> firstValues(HttpHeaders headers) {
    Map<String, String> first = new HashMap<>();
    headers.map().forEach((name, values) -> {
      if (!values.isEmpty()) {
        first.put(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    return first;
  }

  private long copyWatchingForStalls(InputStream body, Path target) throws IOException {
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
      long total = 0;
      for (int n; (n = body.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        total += n;
        lastProgress.set(System.nanoTime());
      }
      return total;
    } catch (IOException e) {
      throw stalled.get() ? new IOException("no data received for " + stallTimeout.toSeconds() + " s", e) : e;
    } finally {
      watchdog.shutdownNow();
    }
  }
}
