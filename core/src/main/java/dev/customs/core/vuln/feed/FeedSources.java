package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the location a user names for a feed: a path, or an {@code http(s)} URL downloaded first. */
public final class FeedSources {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private FeedSources() {}

  /**
   * A source for a path or URL. A URL is downloaded completely into {@code workDir} first (keeping its
   * file name, so {@code .zip} and {@code .gz} are recognised); a failed or cut-off download throws.
   */
  public static FeedSource open(String location, Path workDir) throws IOException {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return new PathFeedSource(download(URI.create(location), workDir), location);
    }
    return new PathFeedSource(Path.of(location), location);
  }

  static Path download(URI uri, Path workDir) throws IOException {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    Path dir = Files.createTempDirectory(workDir, "feed-");
    Path target = dir.resolve(fileName.isBlank() ? "download" : fileName);
    HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    try {
      HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
      if (response.statusCode() != 200) {
        throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
      }
      return target;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + uri + " interrupted", e);
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("GET ") ? e
          : new IOException("download of " + uri + " failed: " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }
}
