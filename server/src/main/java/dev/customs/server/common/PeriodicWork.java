package dev.customs.server.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * What every schedule of this replica shares: {@link #tick()} on a daemon thread at a fixed delay,
 * and a second daemon thread that runs, one after the other, the work a tick or a request hands to
 * {@link #submit} (so a long run never delays the next look at the schedule). Both start and stop
 * with the application. Cluster-wide "only one replica" rules are the subclass's (leases).
 */
public abstract class PeriodicWork implements SmartLifecycle {
  private final String name;
  private final Duration firstTick;
  private final Duration every;
  private ScheduledExecutorService ticks;
  private ExecutorService runs;

  protected PeriodicWork(String name, Duration firstTick, Duration every) {
    this.name = name;
    this.firstTick = firstTick;
    this.every = every;
  }

  /** Looks at the schedule; runs on the tick thread, so it should catch what it can recover from. */
  protected abstract void tick();

  /** Runs {@code work} on the run thread, after what was handed over before. */
  protected <T> Future<T> submit(Callable<T> work) {
    return runs.submit(work);
  }

  /** Runs {@code work} on the run thread, after what was handed over before. */
  protected Future<?> submit(Runnable work) {
    return runs.submit(work);
  }

  @Override
  public synchronized void start() {
    runs = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
    ticks = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name(name + "-schedule").daemon()
        .unstarted(r));
    ticks.scheduleWithFixedDelay(this::tick, firstTick.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    ticks.shutdownNow();
    runs.shutdownNow();
    ticks = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return ticks != null;
  }
}
