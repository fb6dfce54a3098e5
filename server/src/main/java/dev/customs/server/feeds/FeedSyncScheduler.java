package dev.customs.server.feeds;

import dev.customs.server.common.ClusterLeases;
import dev.customs.server.vulndata.VulnerabilityData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Starts feed syncs: when the schedule's time has come (checked each minute; the next time is kept
 * in the database, and the replica that moves it on starts the run), "sync now", and once at the
 * first check when no bundle is loaded at all. Runs execute on one thread per replica; the sync lease
 * keeps a second replica from running one at the same time.
 */
public class FeedSyncScheduler implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(FeedSyncScheduler.class);
  private static final long TICK_SECONDS = 60;

  private final FeedSync sync;
  private final FeedSyncProperties properties;
  private final ClusterLeases leases;
  private final VulnerabilityData data;
  private final Clock clock;
  private ScheduledExecutorService ticks;
  private ExecutorService runs;
  private volatile boolean running;

  public FeedSyncScheduler(FeedSync sync, FeedSyncProperties properties, ClusterLeases leases, VulnerabilityData data,
      Clock clock) {
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
    runs.submit(() -> sync.run("manual"));
    return true;
  }

  private void tick() {
    try {
      dueRun(clock.instant()).ifPresent(trigger -> runs.submit(() -> sync.run(trigger)));
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
    ZonedDateTime next = CronExpression.parse(properties.schedule().strip()).next(after.atZone(clock.getZone()));
    return next == null ? Instant.MAX : next.toInstant();
  }

  @Override
  public synchronized void start() {
    runs = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("feed-sync").daemon().unstarted(r));
    ticks = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("feed-sync-schedule").daemon()
        .unstarted(r));
    ticks.scheduleWithFixedDelay(this::tick, 5, TICK_SECONDS, TimeUnit.SECONDS);
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    ticks.shutdownNow();
    runs.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
