package dev.customs.server.assessments;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.server.events.VulnerabilityDataChanged;
import dev.customs.server.policies.PoliciesChanged;
import dev.customs.server.policies.PolicySet;
import dev.customs.server.scanning.ScanResultRepository;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges stored scans again when what they were judged with changed: policies or exceptions (judged
 * from the stored inventory and findings), or the vulnerability bundle (the stored inventory is
 * matched again). Nothing is pulled from a registry. Runs on one background thread, in batches, one
 * transaction per image; requests that arrive while a sweep is pending are folded into it.
 *
 * <p>Idempotent, hence safe with several replicas: a sweep only touches images whose current
 * judgement was made with another bundle or policy revision, and {@link JudgementRecorder} locks the
 * image while storing, so a replica that arrives second finds the work done (and announces nothing).
 * An hourly check notices a new day, which judges every image again: exceptions expire, grace
 * periods end, images and vulnerability data age.
 */
@Component
public class Rejudgement implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Rejudgement.class);
  static final int BATCH = 50;
  private static final Duration PERIODIC = Duration.ofHours(1);
  /** Below every id: both databases order UUIDs as unsigned bytes. */
  private static final UUID FIRST = new UUID(0, 0);

  private final ImageJudge judge;
  private final JudgementRepository repository;
  private final JudgementRecorder recorder;
  private final StoredInventories inventories;
  private final ScanResultRepository results;
  private final TransactionTemplate transactions;
  private final AtomicBoolean pending = new AtomicBoolean();
  private ScheduledExecutorService worker;

  public Rejudgement(ImageJudge judge, JudgementRepository repository, JudgementRecorder recorder,
      StoredInventories inventories, ScanResultRepository results, TransactionTemplate transactions) {
    this.judge = judge;
    this.repository = repository;
    this.recorder = recorder;
    this.inventories = inventories;
    this.results = results;
    this.transactions = transactions;
  }

  @EventListener
  public void onVulnerabilityDataChanged(VulnerabilityDataChanged changed) {
    request("vulnerability data changed (built " + changed.current().builtAt() + ")");
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void onPoliciesChanged(PoliciesChanged changed) {
    request(changed.what());
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    request("server start");
  }

  /** Asks for a sweep; one already pending covers this request too. */
  public void request(String reason) {
    ScheduledExecutorService executor = worker;
    if (executor != null && pending.compareAndSet(false, true)) {
      LOG.debug("Re-judging stored scans: {}", reason);
      executor.execute(this::sweepPending);
    }
  }

  private void sweepPending() {
    pending.set(false);
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Re-judging stopped early and will be retried: {}", e.getMessage(), e);
    }
  }

  /** Re-judges every image whose judgement is not current; answers how many were judged. */
  public int sweep() {
    PolicySet set = judge.currentPolicies();
    Optional<BundleMetadata> bundle = judge.loadedBundle();
    String sha = bundle.map(BundleMetadata::sha256).orElse(null);
    int judged = 0;
    UUID after = FIRST;
    while (true) {
      List<UUID> batch = repository.stale(sha, set.revision(), after, BATCH);
      for (UUID imageId : batch) {
        try {
          judged += rejudge(imageId, set, bundle) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("Image {} could not be judged again: {}", imageId, e.getMessage());
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.getLast();
    }
    if (judged > 0) {
      LOG.info("Re-judged {} image(s)", judged);
    }
    return judged;
  }

  private boolean rejudge(UUID imageId, PolicySet set, Optional<BundleMetadata> bundle) {
    Optional<ScanResultRepository.ScanSummary> latest = results.latest(imageId);
    if (latest.isEmpty()) {
      return false;
    }
    UUID jobId = latest.get().jobId();
    Optional<Inventory> inventory = inventories.of(jobId);
    if (inventory.isEmpty()) {
      return false;
    }
    Optional<JudgementRepository.Basis> basis = repository.basis(jobId);
    boolean sameData = bundle.isPresent() && basis.isPresent()
        && Objects.equals(basis.get().vulnDataSha256(), bundle.get().sha256());
    Judgement judgement = sameData
        ? judge.rejudge(imageId, inventory.get(), repository.findings(jobId), bundle.get(), basis.get(), set)
        : judge.match(imageId, inventory.get(), set);
    return Boolean.TRUE.equals(transactions.execute(status ->
        recorder.record(imageId, jobId, latest.get().createdAt(), judgement)));
  }

  @Override
  public synchronized void start() {
    worker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("rejudge").daemon().unstarted(r));
    worker.scheduleWithFixedDelay(() -> request("periodic check for a new day"),
        PERIODIC.toMillis(), PERIODIC.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    worker.shutdownNow();
    worker = null;
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }
}
