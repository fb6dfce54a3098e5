package dev.customs.server.scanning;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.events.ScanFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The database-backed scan queue: enqueue and cancel for the API, claim and finish for the workers. */
@Service
public class ScanQueue {
  private static final int MAX_ERROR = 4000;

  private final ScanJobRepository jobs;
  private final ScanResultRepository results;
  private final ScanTargets targets;
  private final ScanProperties properties;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public ScanQueue(ScanJobRepository jobs, ScanResultRepository results, ScanTargets targets,
      ScanProperties properties, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.jobs = jobs;
    this.results = results;
    this.targets = targets;
    this.properties = properties;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Queues a scan of the image, unless one is already queued or running: that one is answered. */
  @Transactional
  public ScanJob enqueue(UUID imageId) {
    Optional<ScanJob> active = jobs.active(imageId);
    if (active.isPresent()) {
      return active.get();
    }
    ScanJob job = ScanJob.queued(imageId, properties.maxAttempts(), clock.instant());
    jobs.insert(job);
    return job;
  }

  @Transactional(readOnly = true)
  public ScanJob get(UUID id) {
    return jobs.findById(id).orElseThrow(() -> new NotFoundException("scan", id));
  }

  @Transactional(readOnly = true)
  public Page<ScanJob> list(ScanState state, PageRequest page) {
    return page.page(jobs.page(state, page), jobs.count(state));
  }

  @Transactional(readOnly = true)
  public List<ScanJob> history(UUID imageId) {
    return jobs.history(imageId);
  }

  @Transactional
  public ScanJob cancel(UUID id) {
    ScanJob job = get(id);
    if (!jobs.cancel(id, clock.instant())) {
      throw new ConflictException("Scan " + id + " is " + job.state() + "; only QUEUED scans can be cancelled.");
    }
    audit.record("scan.cancel", "scan", id, "image=" + job.imageId());
    return get(id);
  }

  /** Stops a "rescan everything": every queued job is cancelled; running ones finish. */
  @Transactional
  public int cancelAllQueued() {
    int cancelled = jobs.cancelAllQueued(clock.instant());
    audit.record("scan.cancel-queued", "scan", null, "cancelled=" + cancelled);
    return cancelled;
  }

  Optional<ScanJob> claim(String owner) {
    Instant now = clock.instant();
    return jobs.claim(owner, now, now.plus(properties.lease()));
  }

  /**
   * Stores the result and its judgement and marks the job done, atomically; nothing is stored if the
   * lease was lost.
   */
  @Transactional
  public boolean complete(ScanJob job, String owner, ScanOutcome outcome) {
    Instant now = clock.instant();
    if (!jobs.succeed(job.id(), owner, now)) {
      return false;
    }
    results.insert(job.id(), job.imageId(), outcome.digest(), outcome.packageCount(), outcome.problemCount(),
        outcome.gzippedInventory(), now);
    targets.recordDigest(job.imageId(), outcome.digest());
    outcome.judgement().record(job.id(), job.imageId(), now);
    targets.registerPlatforms(job.imageId(), outcome.otherPlatforms()).forEach(this::enqueue);
    return true;
  }

  /**
   * Records a scan done elsewhere (the CLI's, judged here) as a finished job with its result, in
   * the caller's transaction, so it shows in the image's history like any other scan.
   */
  @Transactional
  public ScanJob recordFinished(UUID imageId, String digest, int packages, int problems, byte[] gzippedInventory) {
    Instant now = clock.instant();
    ScanJob job = new ScanJob(UUID.randomUUID(), imageId, ScanState.SUCCEEDED, 1, 1, now, null, null, null, digest,
        null, now, now, now);
    jobs.insert(job);
    jobs.finishedElsewhere(job.id(), digest, now);
    results.insert(job.id(), imageId, digest, packages, problems, gzippedInventory, now);
    targets.recordDigest(imageId, digest);
    return job;
  }

  /** Retries with backoff while attempts remain (and the failure is not permanent), else dead-letters. */
  ScanState fail(ScanJob job, String owner, String error, boolean permanent) {
    String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    Instant now = clock.instant();
    if (permanent || job.attempts() >= job.maxAttempts()) {
      jobs.dead(job.id(), owner, message, now);
      targets.subject(job.imageId()).ifPresent(image -> events.publishEvent(new ScanFailed(image, job.id(), message)));
      return ScanState.DEAD;
    }
    jobs.retry(job.id(), owner, message, now.plus(properties.backoffAfter(job.attempts())));
    return ScanState.QUEUED;
  }

  void defer(ScanJob job, String owner) {
    jobs.defer(job.id(), owner, clock.instant().plus(properties.pollInterval()));
  }

  int heartbeat(String owner) {
    Instant now = clock.instant();
    return jobs.heartbeat(owner, now, now.plus(properties.lease()));
  }

  int releaseExpired() {
    return jobs.releaseExpired(clock.instant());
  }

  long depth() {
    return jobs.count(ScanState.QUEUED);
  }
}
