package dev.customs.server.common;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a named piece of first-start work exactly once per database. The step's row is inserted in
 * the same transaction as the work: when two replicas start together, the second blocks on the
 * primary key, then fails with a duplicate key and skips the step.
 */
@Service
public class FirstStartSteps {
  private static final Logger LOG = LoggerFactory.getLogger(FirstStartSteps.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public FirstStartSteps(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @return whether the step ran now (false: it had already run) */
  public boolean runOnce(String name, Runnable step) {
    try {
      return Boolean.TRUE.equals(transactions.execute(status -> {
        long done = jdbc.sql("select count(*) from first_start_steps where name = ?").param(name)
            .query(Long.class).single();
        if (done > 0) {
          return false;
        }
        jdbc.sql("insert into first_start_steps (name, done_at) values (?, ?)")
            .params(name, SqlTimes.param(clock.instant())).update();
        step.run();
        return true;
      }));
    } catch (DuplicateKeyException raced) {
      LOG.info("First-start step {} was done by another server process", name);
      return false;
    }
  }
}
