package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the location a user names for a feed: a path, or an {@code http(s)} URL downloaded first. */
public final class FeedSources {
  /** How long a download may go without receiving a byte. */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

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
    Path target = Files.createTempDirectory(workDir, "feed-").resolve(fileName.isBlank() ? "download" : fileName);
    new FeedDownloader(STALL_TIMEOUT).download(uri, target);
    return target;
  }
}
