package dev.customs.server.feeds;

import dev.customs.core.vuln.db.BuildReport;
import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.FeedReport;
import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.FetchResult;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.core.vuln.feed.HttpStatusException;
import dev.customs.core.vuln.feed.PathFeedSource;
import dev.customs.server.common.ClusterLeases;
import dev.customs.server.feeds.FeedSyncRun.FeedOutcome;
import dev.customs.server.feeds.FeedSyncRun.Outcome;
import dev.customs.server.vulndata.VulnerabilityData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed sync: download what changed (conditionally), build a new bundle beside the old one from
 * the fresh and the kept copies, and install it through {@link VulnerabilityData#install} only when
 * the build is complete. Any feed that fails to download, or a bundle that fails to build (a
 * malformed feed), ends the run as FAILED with the error recorded, and the bundle in use stays.
 * Only one replica syncs at a time: the run holds the cluster lease {@value #LEASE}.
 */
public class FeedSync {
  public static final String LEASE = "feed-sync";
  private static final Logger LOG = LoggerFactory.getLogger(FeedSync.class);

  private final FeedSyncRepository runs;
  private final ClusterLeases leases;
  private final VulnerabilityData data;
  private final FeedSyncProperties properties;
  private final FeedCache cache;
  private final FeedFetcher fetcher;
  private final Path workDir;
  private final Path buildDir;
  /** The checksum of the bundle the last successful sync installed. */
  private final Path lastBuildFile;
  private final Clock clock;
  private final String replica;

  /**
   * @param workDir where feed copies are kept and bundles are built (under the shared data directory)
   */
  public FeedSync(FeedSyncRepository runs, ClusterLeases leases, VulnerabilityData data,
      FeedSyncProperties properties, Path workDir, Clock clock, String replica) {
    this.runs = runs;
    this.leases = leases;
    this.data = data;
    this.properties = properties;
    this.workDir = workDir.toAbsolutePath();
    this.cache = new FeedCache(workDir.resolve("cache"));
    this.fetcher = new FeedFetcher(properties, clock);
    this.buildDir = workDir.resolve("build");
    this.lastBuildFile = workDir.resolve("last-build.sha256");
    this.clock = clock;
    this.replica = replica;
  }

  /** Whether some replica holds the sync lease now. */
  public boolean running() {
    return leases.heldBy(LEASE, clock.instant()).isPresent();
  }

  /**
   * Runs a sync unless another replica is running one.
   *
   * @return the finished run, empty when another replica holds the sync
   */
  public Optional<FeedSyncRun> run(String trigger) {
    Instant start = now();
    if (!leases.tryTake(LEASE, replica, start, start.plus(properties.lease()))) {
      LOG.info("Feed sync ({}) skipped: another replica is syncing", trigger);
      return Optional.empty();
    }
    UUID id = UUID.randomUUID();
    try {
      runs.start(new FeedSyncRun(id, trigger, replica, start, null, Outcome.RUNNING, null, null, List.of()));
      FeedSyncRun finished = sync(id, trigger, start);
      runs.finish(finished);
      LOG.info("Feed sync ({}) {}{}", trigger, finished.outcome(),
          finished.error() == null ? "" : ": " + finished.error());
      return Optional.of(finished);
    } finally {
      leases.release(LEASE, replica);
    }
  }

  private FeedSyncRun sync(UUID id, String trigger, Instant start) {
    List<FeedSpec> specs = properties.specs();
    if (specs.isEmpty()) {
      return finished(id, trigger, start, Outcome.FAILED, null, "no feed is configured: set customs.feeds.sources"
          + " (CUSTOMS_FEEDS), or upload bundles instead (POST /api/v1/db)", List.of());
    }
    List<Downloaded> downloads = new ArrayList<>();
    try {
      for (FeedSpec spec : specs) {
        downloads.add(download(spec, id));
        leases.renew(LEASE, replica, clock.instant().plus(properties.lease()));
      }
      List<FeedSyncRun.Feed> feeds = downloads.stream().map(d -> d.feed(null)).toList();
      List<String> failed = downloads.stream().filter(d -> d.error != null)
          .map(d -> d.spec.kind() + " (" + d.spec.location() + "): " + d.error).toList();
      if (!failed.isEmpty()) {
        return finished(id, trigger, start, Outcome.FAILED, null, "feed download failed: " + String.join("; ", failed)
            + "; the bundle in use was kept", feeds);
      }
      if (downloads.stream().allMatch(d -> d.result.notModified()) && builtFrom(specs)) {
        return finished(id, trigger, start, Outcome.UNCHANGED, null, null, feeds);
      }
      return buildAndInstall(id, trigger, start, downloads);
    } finally {
      for (Downloaded d : downloads) {
        deleteQuietly(d.staged);
      }
    }
  }

  private FeedSyncRun buildAndInstall(UUID id, String trigger, Instant start, List<Downloaded> downloads) {
    Map<FeedSpec, Path> sources = new HashMap<>();
    for (Downloaded d : downloads) {
      sources.put(d.spec, d.result.notModified() ? cache.content(d.spec).orElseThrow() : d.staged);
    }
    List<FeedSpec> specs = downloads.stream().map(d -> d.spec).toList();
    try {
      deleteQuietly(buildDir);
      BuildReport report = new BundleBuilder(Feeds.defaults(), clock).build(specs, buildDir.resolve("customs.db"),
          (spec, workDir) -> new PathFeedSource(sources.get(spec), spec.location()));
      BundleMetadata installed = data.install(report.bundle());
      recordLastBuild(installed.sha256());
      for (Downloaded d : downloads) {
        if (!d.result.notModified()) {
          cache.promote(d.spec, d.staged, d.result.validators());
        }
      }
      List<FeedSyncRun.Feed> feeds = new ArrayList<>();
      for (int i = 0; i < downloads.size(); i++) {
        feeds.add(downloads.get(i).feed(report.feeds().get(i)));
      }
      return finished(id, trigger, start, Outcome.INSTALLED, installed.sha256(), null, feeds);
    } catch (BundleException | IOException e) {
      return finished(id, trigger, start, Outcome.FAILED, null, e.getMessage() + "; the bundle in use was kept",
          downloads.stream().map(d -> d.blamedBy(e.getMessage())).toList());
    } finally {
      deleteQuietly(buildDir);
    }
  }

  /**
   * Whether the loaded bundle is the one the last sync built from the kept copies of exactly these
   * feeds. Otherwise (feeds added or removed, a bundle uploaded meanwhile) even "not modified"
   * everywhere needs a build.
   */
  private boolean builtFrom(List<FeedSpec> specs) {
    Optional<BundleMetadata> loaded = data.metadata();
    return loaded.isPresent()
        && loaded.get().feeds().stream().map(f -> new FeedSpec(f.kind(), f.source())).toList().equals(specs)
        && loaded.get().sha256().equals(lastBuild().orElse(null))
        && specs.stream().allMatch(s -> cache.content(s).isPresent());
  }

  private Optional<String> lastBuild() {
    try {
      return Files.isRegularFile(lastBuildFile) ? Optional.of(Files.readString(lastBuildFile).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void recordLastBuild(String sha256) throws IOException {
    Path temp = lastBuildFile.resolveSibling(lastBuildFile.getFileName() + ".tmp");
    Files.writeString(temp, sha256 + "\n");
    Files.move(temp, lastBuildFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Downloaded download(FeedSpec spec, UUID runId) {
    Path staged = null;
    try {
      staged = cache.stage(spec, runId.toString());
      FetchResult result = fetcher.fetch(spec, staged, cache.validators(spec));
      return new Downloaded(spec, staged, result, null, result.status());
    } catch (HttpStatusException e) {
      return new Downloaded(spec, staged, null, e.getMessage(), e.status());
    } catch (IOException | RuntimeException e) {
      return new Downloaded(spec, staged, null, String.valueOf(e.getMessage()), null);
    }
  }

  private FeedSyncRun finished(UUID id, String trigger, Instant start, Outcome outcome, String sha256, String error,
      List<FeedSyncRun.Feed> feeds) {
    return new FeedSyncRun(id, trigger, replica, start, now(), outcome, sha256,
        error == null ? null : error.replace(workDir.toString(), "$CUSTOMS_HOME/feeds"), feeds);
  }

  /** Milliseconds: what every database keeps, so a run reads back as it was recorded. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      FeedCache.deleteTree(dir);
    } catch (IOException e) {
      LOG.warn("Cannot remove {}: {}", dir, e.getMessage());
    }
  }

  /** One feed's download in this run: a result, or the error. */
  private record Downloaded(FeedSpec spec, Path staged, FetchResult result, String error, Integer status) {
    /** The feed as failed when the build's failure names it (the builder says "feed KIND (LOCATION) …"). */
    FeedSyncRun.Feed blamedBy(String buildFailure) {
      FeedSyncRun.Feed feed = feed(null);
      if (buildFailure == null || !buildFailure.contains("feed " + spec.kind() + " (" + spec.location() + ")")) {
        return feed;
      }
      return new FeedSyncRun.Feed(feed.kind(), feed.location(), FeedOutcome.FAILED, feed.httpStatus(), feed.bytes(),
          null, null, "downloaded, but the bundle could not be built from it: " + buildFailure);
    }

    FeedSyncRun.Feed feed(FeedReport built) {
      FeedOutcome outcome = error != null ? FeedOutcome.FAILED
          : result.notModified() ? FeedOutcome.NOT_MODIFIED : FeedOutcome.DOWNLOADED;
      return new FeedSyncRun.Feed(spec.kind(), spec.location(), outcome, status,
          result == null ? null : result.bytes(), built == null ? null : built.records(),
          built == null ? null : (long) built.problems().size(), error);
    }
  }
}
