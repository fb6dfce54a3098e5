package dev.customs.server.feeds;

import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.CacheValidators;
import dev.customs.core.vuln.feed.FeedDownloader;
import dev.customs.core.vuln.feed.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Downloads one feed file into a staging directory, conditionally: the validators of the last good
 * copy are sent, and a 304 leaves the staging directory empty. The file keeps the URL's file name,
 * which tells the importers its format ({@code .zip}, {@code .json}, {@code .csv.gz}). The NVD CVE
 * API is paged and has its own way to ask for changes: {@link NvdApiDownload}.
 */
class FeedFetcher {
  private final FeedDownloader downloader;
  private final NvdApiDownload nvd;

  FeedFetcher(FeedSyncProperties properties, Clock clock) {
    this.downloader = new FeedDownloader(properties.stallTimeout());
    this.nvd = new NvdApiDownload(downloader, properties.nvdApiKey(), properties.nvdPageDelay(), clock);
  }

  FetchResult fetch(FeedSpec spec, Path staged, CacheValidators known) throws IOException {
    URI uri = URI.create(spec.location());
    if (NvdApiDownload.handles(uri)) {
      return nvd.fetch(uri, staged, known);
    }
    return downloader.fetch(uri, staged.resolve(fileName(uri)), known, Map.of());
  }

  static String fileName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() ? "download" : name;
  }
}
