package dev.customs.server.common;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Named leases shared by all replicas (table {@code cluster_leases}): work that one replica at a
 * time may do takes the lease by a conditional update, so of two replicas that try at once exactly
 * one gets it, and it expires, so a replica that dies does not block the work. A lease that is never
 * released is a rate limit: "at most once per period, cluster-wide".
 */
@Repository
public class ClusterLeases {
  private final JdbcClient jdbc;

  public ClusterLeases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the lease {@code name} until {@code until} unless it is held (by anyone) past {@code now}. */
  public boolean tryTake(String name, String owner, Instant now, Instant until) {
    ensure(name);
    return jdbc.sql("""
        update cluster_leases set lease_owner = ?, lease_until = ?
          where name = ? and (lease_until is null or lease_until < ?)""")
        .params(owner, SqlTimes.param(until), name, SqlTimes.param(now)).update() == 1;
  }

  /** Extends the lease {@code owner} holds; false when it is no longer theirs. */
  public boolean renew(String name, String owner, Instant until) {
    return jdbc.sql("update cluster_leases set lease_until = ? where name = ? and lease_owner = ?")
        .params(SqlTimes.param(until), name, owner).update() == 1;
  }

  /** Who holds the lease {@code name} at {@code now}, if anyone. */
  public Optional<String> heldBy(String name, Instant now) {
    return jdbc.sql("select lease_owner from cluster_leases where name = ? and lease_until >= ?")
        .params(name, SqlTimes.param(now)).query(String.class).optional();
  }

  /** Gives the lease back when {@code owner} still holds it. */
  public void release(String name, String owner) {
    jdbc.sql("update cluster_leases set lease_owner = null, lease_until = null where name = ? and lease_owner = ?")
        .params(name, owner).update();
  }

  public Optional<Instant> nextRunAt(String name) {
    ensure(name);
    return jdbc.sql("select next_run_at from cluster_leases where name = ?").param(name)
        .query((rs, n) -> Optional.ofNullable(SqlTimes.instant(rs, "next_run_at"))).optional().flatMap(o -> o);
  }

  public void setNextRunAt(String name, Instant next) {
    ensure(name);
    jdbc.sql("update cluster_leases set next_run_at = ? where name = ?").params(SqlTimes.param(next), name).update();
  }

  /**
   * Moves the next run from {@code expected} to {@code next}; false when another replica moved it
   * first (then that replica starts the run).
   */
  public boolean advanceNextRunAt(String name, Instant expected, Instant next) {
    return jdbc.sql("update cluster_leases set next_run_at = ? where name = ? and next_run_at = ?")
        .params(SqlTimes.param(next), name, SqlTimes.param(expected)).update() == 1;
  }

  private void ensure(String name) {
    jdbc.sql("insert into cluster_leases (name) values (?) on conflict do nothing").param(name).update();
  }
}
