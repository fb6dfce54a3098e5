package dev.customs.core.vuln.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The result of a successful build.
 *
 * @param bundle where the bundle now is
 * @param sha256 its checksum (also in the {@code .sha256} file beside it)
 * @param size its size in bytes
 */
public record BuildReport(Path bundle, String sha256, long size, List<FeedReport> feeds, Duration elapsed) {
  public BuildReport {
    feeds = List.copyOf(feeds);
  }
}
