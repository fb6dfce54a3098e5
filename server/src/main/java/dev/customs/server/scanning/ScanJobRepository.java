package dev.customs.server.scanning;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code scan_jobs} table. Every state change names the state (and, for running jobs, the lease
 * owner) it expects, so a worker whose lease was taken over cannot overwrite the new owner's work.
 */
@Repository
public class ScanJobRepository {
  private final JdbcClient jdbc;

  public ScanJobRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ScanJob j) {
    jdbc.sql("""
        insert into scan_jobs (id, image_id, state, attempts, max_attempts, run_after, created_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(j.id(), j.imageId(), j.state().name(), j.attempts(), j.maxAttempts(), SqlTimes.param(j.runAfter()),
            SqlTimes.param(j.createdAt()))
        .update();
  }

  /**
   * Takes the oldest due job. {@code FOR UPDATE SKIP LOCKED} lets replicas claim concurrently:
   * each skips rows another transaction is claiming instead of waiting for it.
   */
  @Transactional
  public Optional<ScanJob> claim(String owner, Instant now, Instant leaseUntil) {
    Optional<UUID> id = jdbc.sql("select id from scan_jobs where state = 'QUEUED' and run_after <= ? "
        + "order by run_after, created_at limit 1 for update skip locked")
        .param(SqlTimes.param(now)).query(UUID.class).optional();
    id.ifPresent(i -> jdbc.sql("""
        update scan_jobs set state = 'RUNNING', attempts = attempts + 1, lease_owner = ?, lease_until = ?,
          heartbeat_at = ?, started_at = ? where id = ?""")
        .params(owner, SqlTimes.param(leaseUntil), SqlTimes.param(now), SqlTimes.param(now), i).update());
    return id.flatMap(this::findById);
  }

  /** Completes a job inserted for a scan that ran elsewhere (the CLI's). */
  public void finishedElsewhere(UUID id, String digest, Instant now) {
    jdbc.sql("update scan_jobs set state = 'SUCCEEDED', digest = ?, started_at = ?, finished_at = ? where id = ?")
        .params(digest, SqlTimes.param(now), SqlTimes.param(now), id).update();
  }

  /** Renews the leases of every job this worker process runs. */
  public int heartbeat(String owner, Instant now, Instant leaseUntil) {
    return jdbc.sql("update scan_jobs set lease_until = ?, heartbeat_at = ? where state = 'RUNNING' and lease_owner = ?")
        .params(SqlTimes.param(leaseUntil), SqlTimes.param(now), owner).update();
  }

  /** Jobs whose owner stopped heartbeating (a killed replica) go back to the queue, or die if out of attempts. */
  public int releaseExpired(Instant now) {
    int dead = jdbc.sql("""
        update scan_jobs set state = 'DEAD', finished_at = ?, lease_owner = null, lease_until = null,
          last_error = 'the worker running it stopped (lease expired) on the last attempt'
        where state = 'RUNNING' and lease_until < ? and attempts >= max_attempts""")
        .params(SqlTimes.param(now), SqlTimes.param(now)).update();
    return dead + jdbc.sql("""
        update scan_jobs set state = 'QUEUED', lease_owner = null, lease_until = null, run_after = ?
        where state = 'RUNNING' and lease_until < ?""")
        .params(SqlTimes.param(now), SqlTimes.param(now)).update();
  }

  public void setDigest(UUID id, String digest) {
    jdbc.sql("update scan_jobs set digest = ? where id = ?").params(digest, id).update();
  }

  /** @return false when the lease was lost (another worker owns the job now) */
  public boolean succeed(UUID id, String owner, Instant now) {
    return jdbc.sql("""
        update scan_jobs set state = 'SUCCEEDED', finished_at = ?, lease_owner = null, lease_until = null,
          last_error = null where id = ? and state = 'RUNNING' and lease_owner = ?""")
        .params(SqlTimes.param(now), id, owner).update() > 0;
  }

  public boolean retry(UUID id, String owner, String error, Instant runAfter) {
    return jdbc.sql("""
        update scan_jobs set state = 'QUEUED', run_after = ?, last_error = ?, lease_owner = null, lease_until = null
        where id = ? and state = 'RUNNING' and lease_owner = ?""")
        .params(SqlTimes.param(runAfter), error, id, owner).update() > 0;
  }

  /** Back to the queue without using up an attempt (the same digest is being scanned elsewhere). */
  public boolean defer(UUID id, String owner, Instant runAfter) {
    return jdbc.sql("""
        update scan_jobs set state = 'QUEUED', run_after = ?, attempts = attempts - 1, lease_owner = null,
          lease_until = null where id = ? and state = 'RUNNING' and lease_owner = ?""")
        .params(SqlTimes.param(runAfter), id, owner).update() > 0;
  }

  public boolean dead(UUID id, String owner, String error, Instant now) {
    return jdbc.sql("""
        update scan_jobs set state = 'DEAD', finished_at = ?, last_error = ?, lease_owner = null, lease_until = null
        where id = ? and state = 'RUNNING' and lease_owner = ?""")
        .params(SqlTimes.param(now), error, id, owner).update() > 0;
  }

  public boolean cancel(UUID id, Instant now) {
    return jdbc.sql("update scan_jobs set state = 'CANCELLED', finished_at = ? where id = ? and state = 'QUEUED'")
        .params(SqlTimes.param(now), id).update() > 0;
  }

  public int cancelAllQueued(Instant now) {
    return jdbc.sql("update scan_jobs set state = 'CANCELLED', finished_at = ? where state = 'QUEUED'")
        .param(SqlTimes.param(now)).update();
  }

  public Optional<ScanJob> findById(UUID id) {
    return jdbc.sql("select * from scan_jobs where id = ?").param(id).query(ScanJobRepository::map).optional();
  }

  public Optional<ScanJob> active(UUID imageId) {
    return jdbc.sql("select * from scan_jobs where image_id = ? and state in ('QUEUED', 'RUNNING')")
        .param(imageId).query(ScanJobRepository::map).stream().findFirst();
  }

  public List<ScanJob> history(UUID imageId) {
    return jdbc.sql("select * from scan_jobs where image_id = ? order by created_at desc").param(imageId)
        .query(ScanJobRepository::map).list();
  }

  public List<ScanJob> page(ScanState state, PageRequest page) {
    JdbcClient.StatementSpec spec = state == null
        ? jdbc.sql("select * from scan_jobs order by created_at desc, id limit ? offset ?")
        : jdbc.sql("select * from scan_jobs where state = ? order by created_at desc, id limit ? offset ?")
            .param(state.name());
    return spec.param(page.size()).param(page.offset()).query(ScanJobRepository::map).list();
  }

  public long count(ScanState state) {
    return (state == null ? jdbc.sql("select count(*) from scan_jobs")
        : jdbc.sql("select count(*) from scan_jobs where state = ?").param(state.name())).query(Long.class).single();
  }

  private static ScanJob map(ResultSet rs, int row) throws SQLException {
    return new ScanJob(rs.getObject("id", UUID.class), rs.getObject("image_id", UUID.class),
        ScanState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("max_attempts"),
        SqlTimes.instant(rs, "run_after"), rs.getString("lease_owner"), SqlTimes.instant(rs, "lease_until"),
        SqlTimes.instant(rs, "heartbeat_at"), rs.getString("digest"), rs.getString("last_error"),
        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "started_at"), SqlTimes.instant(rs, "finished_at"));
  }
}
