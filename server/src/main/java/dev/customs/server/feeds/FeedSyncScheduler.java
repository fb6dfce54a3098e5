package dev.customs.server.feeds;

import dev.customs.server.common.ClusterLeases;
import dev.customs.server.common.Cron;
import dev.customs.server.common.PeriodicWork;
import dev.customs.server.vulndata.VulnerabilityData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts feed syncs: when the schedule's time has come (checked each minute; the next time is kept
 * in the database, and the replica that moves it on starts the run), "sync now", and once at the
 * first check when no bundle is loaded at all. Runs execute on one thread per replica; the sync lease
 * keeps a second replica from running one at the same time.
 */
public class FeedSyncScheduler extends PeriodicWork {
  private static final Logger LOG = LoggerFactory.getLogger(FeedSyncScheduler.class);
  private static final long TICK_SECONDS = 60;

  private final FeedSync sync;
  private final FeedSyncProperties properties;
  private final ClusterLeases leases;
  private final VulnerabilityData data;
  private final Clock clock;

  public FeedSyncScheduler(FeedSync sync, FeedSyncProperties properties, ClusterLeases leases, VulnerabilityData data,
      Clock clock) {
    super("feed-sync", Duration.ofSeconds(5), Duration.ofSeconds(TICK_SECONDS));
    this.sync = sync;
    this.properties = properties;
    this.leases = leases;
    this.data = data;
    this.clock = clock;
  }

  /** Starts a sync on the sync thread; false when one is running already (here or on another replica). */
  public boolean syncNow() {
    if (sync.running()) {
      return false;
    }
    submit(() -> sync.run("manual"));
    return true;
  }

  @Override
  protected void tick() {
    try {
      dueRun(clock.instant()).ifPresent(trigger -> submit(() -> sync.run(trigger)));
    } catch (RuntimeException e) {
      // the database may be briefly unreachable: the next tick tries again
      LOG.warn("Feed sync schedule check failed: {}", e.getMessage());
    }
  }

  /**
   * Whether a run is due at {@code now}, and why ({@code startup} or {@code schedule}); moves the
   * cluster-wide next run time on. Of several replicas asking at once, one is told to run.
   */
  Optional<String> dueRun(Instant now) {
    if (!properties.scheduled()) {
      return Optional.empty();
    }
    Optional<Instant> due = leases.nextRunAt(FeedSync.LEASE);
    if (due.isEmpty()) {
      leases.setNextRunAt(FeedSync.LEASE, next(now));
      return data.metadata().isEmpty() ? Optional.of("startup") : Optional.empty();
    }
    if (!due.get().isAfter(now) && leases.advanceNextRunAt(FeedSync.LEASE, due.get(), next(now))) {
      return Optional.of("schedule");
    }
    return Optional.empty();
  }

  private Instant next(Instant after) {
    return Cron.parse("customs.feeds.schedule", properties.schedule()).next(after, clock.getZone());
  }
}
