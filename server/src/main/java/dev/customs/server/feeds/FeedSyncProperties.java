package dev.customs.server.feeds;

import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.core.vuln.feed.VulnFeed;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Feed sync settings ({@code customs.feeds.*}); the defaults are in {@code application.yml} and
 * documented in docs/operations.md.
 *
 * @param schedule a six-field cron expression (UTC) for scheduled syncs, or {@code -} for none
 *     ("sync now" and uploads still work)
 * @param sources the feeds, each {@code KIND=URL} in build order
 * @param nvdApiKey an NVD API key: sent as the {@code apiKey} header to NVD API URLs; raises NVD's rate limit
 * @param nvdPageDelay the pause between two NVD API requests: NVD allows 5 requests in 30 s without
 *     a key (the default 6.5 s keeps within it) and 50 with one (0.7 s will do)
 * @param stallTimeout a download that receives nothing for this long fails
 * @param lease how long one replica may hold the sync before another may take over (a replica that
 *     died mid-sync); a running sync renews it after each feed
 */
@ConfigurationProperties("customs.feeds")
public record FeedSyncProperties(
    @DefaultValue("0 0 */6 * * *") String schedule,
    @DefaultValue List<String> sources,
    @DefaultValue("") String nvdApiKey,
    @DefaultValue("6500ms") Duration nvdPageDelay,
    @DefaultValue("60s") Duration stallTimeout,
    @DefaultValue("3h") Duration lease) {

  public FeedSyncProperties {
    sources = sources.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (!scheduled(schedule) && !schedule.strip().equals("-")) {
      throw new IllegalArgumentException("customs.feeds.schedule \"" + schedule + "\" is not a cron expression (six"
          + " fields, seconds first, e.g. \"0 0 */6 * * *\" for every six hours) nor \"-\" for no schedule");
    }
    List<FeedSpec> specs = specsOf(sources);
    if (specs.stream().distinct().count() < specs.size()) {
      throw new IllegalArgumentException("customs.feeds.sources names a feed twice: " + sources);
    }
    for (FeedSpec spec : specs) {
      if (!spec.location().startsWith("https://") && !spec.location().startsWith("http://")) {
        throw new IllegalArgumentException("customs.feeds.sources: " + spec.kind() + "=" + spec.location()
            + " is not an http(s) URL; to install data from files, build a bundle with 'customs db build' and"
            + " upload it (POST /api/v1/db)");
      }
      List<String> kinds = Feeds.defaults().stream().map(VulnFeed::kind).toList();
      if (!kinds.contains(spec.kind())) {
        throw new IllegalArgumentException("customs.feeds.sources: unknown feed kind '" + spec.kind()
            + "'; known kinds: " + kinds.stream().collect(Collectors.joining(", ")));
      }
    }
  }

  /** The sources as build specs, in order. */
  public List<FeedSpec> specs() {
    return specsOf(sources);
  }

  public boolean scheduled() {
    return scheduled(schedule);
  }

  private static boolean scheduled(String schedule) {
    return CronExpression.isValidExpression(schedule.strip());
  }

  private static List<FeedSpec> specsOf(List<String> sources) {
    try {
      return sources.stream().map(FeedSpec::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("customs.feeds.sources: " + e.getMessage(), e);
    }
  }
}
