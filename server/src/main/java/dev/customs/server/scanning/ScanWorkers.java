package dev.customs.server.scanning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This replica's scan workers: {@code customs.scanning.workers} threads that claim jobs, plus one
 * housekeeping thread that renews the leases (and digest locks) of running jobs and returns jobs of
 * dead replicas to the queue. Nothing is coordinated in memory: replicas only share the database.
 */
@Component
public class ScanWorkers implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScanWorkers.class);

  private final ScanQueue queue;
  private final ImageScanExecutor executor;
  private final DigestLocks locks;
  private final ScanProperties properties;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final String owner;
  private final List<Thread> threads = new ArrayList<>();
  private ScheduledExecutorService housekeeping;
  private volatile boolean running;

  public ScanWorkers(ScanQueue queue, ImageScanExecutor executor, DigestLocks locks, ScanProperties properties,
      MeterRegistry metrics, Clock clock) {
    this.queue = queue;
    this.executor = executor;
    this.locks = locks;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = hostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
        + UUID.randomUUID().toString().substring(0, 8);
    Gauge.builder("customs.scan.queue.depth", queue, ScanQueue::depth)
        .description("scan jobs waiting in the queue (all replicas)").register(metrics);
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < properties.workers(); i++) {
      threads.add(Thread.ofPlatform().name("scan-worker-" + i).daemon().start(this::work));
    }
    housekeeping = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("scan-lease").daemon()
        .unstarted(r));
    long every = properties.heartbeat().toMillis();
    housekeeping.scheduleWithFixedDelay(this::keepLeases, every, every, TimeUnit.MILLISECONDS);
    LOG.info("Scan workers started: {} as {}", properties.workers(), owner);
  }

  @Override
  public synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(properties.lease().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
    housekeeping.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  public String owner() {
    return owner;
  }

  private void work() {
    while (running) {
      try {
        Optional<ScanJob> job = queue.claim(owner);
        if (job.isPresent()) {
          run(job.get());
        } else {
          Thread.sleep(properties.pollInterval());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The database may be briefly unreachable: wait and poll again instead of losing the worker.
        LOG.warn("Scan worker could not poll the queue: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  private void run(ScanJob job) {
    Instant start = clock.instant();
    String outcome;
    try {
      ScanOutcome result = executor.execute(job);
      outcome = queue.complete(job, owner, result) ? "succeeded" : "lease-lost";
    } catch (DigestBusyException busy) {
      queue.defer(job, owner);
      outcome = "deferred";
    } catch (PermanentScanFailure e) {
      queue.fail(job, owner, e.getMessage(), true);
      outcome = "dead";
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      outcome = queue.fail(job, owner, message, false) == ScanState.DEAD ? "dead" : "retried";
      LOG.info("Scan {} of image {} failed (attempt {}): {}", job.id(), job.imageId(), job.attempts(), message);
    }
    metrics.counter("customs.scans", "outcome", outcome).increment();
    Timer.builder("customs.scan.duration").tag("outcome", outcome).register(metrics)
        .record(Duration.between(start, clock.instant()));
  }

  private void keepLeases() {
    try {
      queue.heartbeat(owner);
      locks.renew(owner, clock.instant().plus(properties.lease()));
      int released = queue.releaseExpired();
      if (released > 0) {
        LOG.info("Returned {} scan job(s) whose worker stopped heartbeating to the queue", released);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not renew scan leases: {}", e.getMessage());
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(properties.pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
