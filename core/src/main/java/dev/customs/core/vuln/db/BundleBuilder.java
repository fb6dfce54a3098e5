package dev.customs.core.vuln.db;

import dev.customs.core.vuln.feed.FeedSource;
import dev.customs.core.vuln.feed.FeedSources;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.core.vuln.feed.VulnFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a bundle from feeds. The new bundle is written to a temporary file beside the target,
 * verified, checksummed and only then renamed over the target: a build that fails or is interrupted
 * leaves the existing bundle exactly as it was.
 *
 * <p>A malformed record is skipped and reported; a feed that cannot be read (missing path, failed
 * download, unreadable archive, importer failure) or that yields no record at all fails the build.
 */
public final class BundleBuilder {
  private final List<VulnFeed> feeds;
  private final Clock clock;

  /** A builder over the given importers (normally {@link Feeds#defaults()}). */
  public BundleBuilder(List<VulnFeed> feeds, Clock clock) {
    this.feeds = List.copyOf(feeds);
    this.clock = clock;
  }

  /**
   * Opens the documents a spec names. The default reads the path, or downloads the URL into the
   * build's work directory; a caller that already holds the feed files (the server's feed sync) maps
   * the spec to its copy, and the bundle still records the spec's location as the feed's source.
   */
  @FunctionalInterface
  public interface SourceOpener {
    FeedSource open(FeedSpec spec, Path workDir) throws IOException;
  }

  public BuildReport build(List<FeedSpec> specs, Path target) throws BundleException {
    return build(specs, target, (spec, workDir) -> FeedSources.open(spec.location(), workDir));
  }

  public BuildReport build(List<FeedSpec> specs, Path target, SourceOpener opener) throws BundleException {
    if (specs.isEmpty()) {
      throw new BundleException("no feed given: name at least one with --feed KIND=PATH_OR_URL");
    }
    for (FeedSpec spec : specs) {
      importerOf(spec);
    }
    Instant start = clock.instant();
    Path temp;
    Path work;
    try {
      BundleFiles.removeAbandonedTemporaries(target, start);
      temp = BundleFiles.temporaryBeside(target);
      work = Files.createTempDirectory("customs-feeds-");
    } catch (IOException e) {
      throw new BundleException("cannot create a temporary file beside " + target + ": " + e.getMessage(), e);
    }
    try {
      List<FeedReport> reports = write(specs, temp, work, opener);
      String sha256 = BundleChecksum.sha256(temp);
      BundleVerifier.verify(temp, sha256);
      long size = Files.size(temp);
      BundleFiles.publish(temp, sha256, target);
      return new BuildReport(target, sha256, size, reports, Duration.between(start, clock.instant()));
    } catch (IOException | BundleException e) {
      throw new BundleException(failure(target, e.getMessage()), e);
    } finally {
      deleteQuietly(temp);
      deleteTree(work);
    }
  }

  private List<FeedReport> write(List<FeedSpec> specs, Path temp, Path work, SourceOpener opener) throws BundleException, IOException {
    List<FeedReport> reports = new ArrayList<>();
    try (BundleWriter writer = new BundleWriter(temp)) {
      for (int i = 0; i < specs.size(); i++) {
        Instant feedStart = clock.instant();
        FeedRecorder recorder = importFeed(specs.get(i), writer, work, opener);
        writer.feed(i, recorder);
        reports.add(recorder.report(Duration.between(feedStart, clock.instant())));
      }
      writer.finish(clock.instant());
    } catch (SQLException e) {
      throw new BundleException("writing the new bundle " + temp + " failed: " + e.getMessage(), e);
    }
    return reports;
  }

  private FeedRecorder importFeed(FeedSpec spec, BundleWriter writer, Path work, SourceOpener opener)
      throws BundleException {
    FeedRecorder recorder = new FeedRecorder(spec.kind(), spec.location(), writer);
    String feed = "feed " + spec.kind() + " (" + spec.location() + ")";
    try {
      FeedSource source = opener.open(spec, work);
      importerOf(spec).read(source, recorder);
    } catch (IOException | RuntimeException e) {
      throw new BundleException(feed + " failed: " + e.getMessage(), e);
    }
    if (recorder.records() == 0) {
      throw new BundleException(feed + " gave no records (" + recorder.problems().size()
          + " malformed): is it the right kind and location?");
    }
    return recorder;
  }

  private VulnFeed importerOf(FeedSpec spec) throws BundleException {
    return Feeds.byKind(feeds, spec.kind()).orElseThrow(() -> new BundleException("unknown feed kind '"
        + spec.kind() + "'; known kinds: " + feeds.stream().map(VulnFeed::kind).collect(Collectors.joining(", "))));
  }

  private static String failure(Path target, String reason) {
    return "building the bundle failed: " + reason + "; " + target + " was left as it was";
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temporary file is harmless: it never has the bundle's name.
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(BundleBuilder::deleteQuietly);
    } catch (IOException e) {
      // Only downloaded feed copies in the temporary directory; nothing to report.
    }
  }
}
