package dev.customs.server.feeds;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Feed sync: "sync now" and the reports of past runs. */
@RestController
@RequestMapping("/api/v1/db")
public class FeedSyncController {
  private static final int RUNS = 50;

  private final FeedSyncScheduler scheduler;
  private final FeedSyncRepository runs;
  private final AuditLog audit;
  private final TransactionOperations transactions;

  public FeedSyncController(FeedSyncScheduler scheduler, FeedSyncRepository runs, AuditLog audit,
      TransactionOperations transactions) {
    this.scheduler = scheduler;
    this.runs = runs;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Starts a sync now; follow it at {@code GET /api/v1/db/syncs}. 409 while one is running. */
  @PostMapping("/sync")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> syncNow() {
    if (!scheduler.syncNow()) {
      throw new ConflictException("a feed sync is running already; follow it at GET /api/v1/db/syncs");
    }
    transactions.executeWithoutResult(status -> audit.record("vulndb.sync", "vulndb", null, "sync now"));
    return Map.of("started", true);
  }

  /** The newest runs first, each with its feeds. */
  @GetMapping("/syncs")
  public List<FeedSyncRun> syncs() {
    return runs.latest(RUNS);
  }
}
