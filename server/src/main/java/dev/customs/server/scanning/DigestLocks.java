package dev.customs.server.scanning;

import dev.customs.server.common.SqlTimes;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * At most one scan per manifest digest at a time, across replicas: a row per digest being scanned,
 * with a lease renewed with the job's. Each statement commits on its own (no surrounding
 * transaction), because PostgreSQL aborts a transaction on the duplicate key that means "busy".
 */
@Repository
public class DigestLocks {
  private final JdbcClient jdbc;

  public DigestLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean tryAcquire(String digest, UUID jobId, Instant now, Instant leaseUntil) {
    jdbc.sql("delete from scan_digest_locks where digest = ? and (lease_until < ? or job_id = ?)")
        .params(digest, SqlTimes.param(now), jobId).update();
    try {
      jdbc.sql("insert into scan_digest_locks (digest, job_id, lease_until) values (?, ?, ?)")
          .params(digest, jobId, SqlTimes.param(leaseUntil)).update();
      return true;
    } catch (DuplicateKeyException busy) {
      return false;
    }
  }

  /** Renews the locks of every job the worker process {@code owner} is running. */
  public void renew(String owner, Instant leaseUntil) {
    jdbc.sql("update scan_digest_locks set lease_until = ? where job_id in "
        + "(select id from scan_jobs where state = 'RUNNING' and lease_owner = ?)")
        .params(SqlTimes.param(leaseUntil), owner).update();
  }

  public void release(UUID jobId) {
    jdbc.sql("delete from scan_digest_locks where job_id = ?").param(jobId).update();
  }
}
