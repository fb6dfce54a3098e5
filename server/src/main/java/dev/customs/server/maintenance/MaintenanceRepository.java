package dev.customs.server.maintenance;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance settings, schedules with leases, run reports, and the image queries rescans and cleanup need. */
@Repository
public class MaintenanceRepository {
  private static final int MAX_DETAILS = 1000;

  private final JdbcClient jdbc;

  public MaintenanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public MaintenanceSettings settings() {
    return jdbc.sql("select * from maintenance_settings where id = 'default'").query((rs, row) ->
        new MaintenanceSettings(rs.getString("global_rescan_cron"), new CleanupRules(rs.getString("cleanup_cron"),
            rs.getBoolean("cleanup_remove_deleted"), integer(rs, "cleanup_not_seen_days"),
            integer(rs, "cleanup_keep_tags")))).single();
  }

  public void save(MaintenanceSettings s) {
    jdbc.sql("""
        update maintenance_settings set global_rescan_cron = ?, cleanup_cron = ?, cleanup_remove_deleted = ?,
          cleanup_not_seen_days = ?, cleanup_keep_tags = ? where id = 'default'""")
        .params(s.globalRescanCron(), s.cleanup().cron(), s.cleanup().removeDeleted(), s.cleanup().notSeenDays(),
            s.cleanup().keepNewestTags())
        .update();
  }

  public Optional<Instant> nextRunAt(String task) {
    return jdbc.sql("select next_run_at from maintenance_schedules where task = ?").param(task)
        .query((rs, row) -> Optional.ofNullable(SqlTimes.instant(rs, "next_run_at"))).optional()
        .flatMap(o -> o);
  }

  /** Sets when the task runs next (creating its row), or clears it (null: not scheduled). */
  public void setNextRunAt(String task, Instant next) {
    int updated = jdbc.sql("update maintenance_schedules set next_run_at = ? where task = ?")
        .params(SqlTimes.param(next), task).update();
    if (updated == 0) {
      jdbc.sql("insert into maintenance_schedules (task, next_run_at) values (?, ?)")
          .params(task, SqlTimes.param(next)).update();
    }
  }

  /** Takes the task's lease if nobody holds it (or the holder's ran out); false when another holds it. */
  public boolean tryLease(String task, String owner, Instant now, Instant until) {
    setNextRunAtIfAbsent(task);
    return jdbc.sql("""
        update maintenance_schedules set lease_owner = ?, lease_until = ?
          where task = ? and (lease_until is null or lease_until < ?)""")
        .params(owner, SqlTimes.param(until), task, SqlTimes.param(now)).update() == 1;
  }

  public void releaseLease(String task, String owner) {
    jdbc.sql("update maintenance_schedules set lease_owner = null, lease_until = null where task = ? and lease_owner = ?")
        .params(task, owner).update();
  }

  private void setNextRunAtIfAbsent(String task) {
    long rows = jdbc.sql("select count(*) from maintenance_schedules where task = ?").param(task).query(Long.class)
        .single();
    if (rows == 0) {
      try {
        jdbc.sql("insert into maintenance_schedules (task) values (?)").param(task).update();
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        // another replica created it at the same moment: the row is there, which is all that matters
      }
    }
  }

  public void insertRun(MaintenanceRun r) {
    List<String> details = r.details().size() > MAX_DETAILS
        ? concat(r.details().subList(0, MAX_DETAILS), "… and " + (r.details().size() - MAX_DETAILS) + " more")
        : r.details();
    jdbc.sql("""
        insert into maintenance_runs (id, task, trigger_kind, dry_run, started_at, finished_at, affected, skipped,
          details) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.task(), r.trigger(), r.dryRun(), SqlTimes.param(r.startedAt()),
            SqlTimes.param(r.finishedAt()), r.affected(), r.skipped(), String.join("\n", details))
        .update();
  }

  public List<MaintenanceRun> runs(PageRequest page) {
    return jdbc.sql("select * from maintenance_runs order by started_at desc limit ? offset ?")
        .params(page.size(), page.offset()).query(MaintenanceRepository::run).list();
  }

  public long countRuns() {
    return jdbc.sql("select count(*) from maintenance_runs").query(Long.class).single();
  }

  /** Images to rescan: live ones (of the registry, or every registry) with no scan queued since {@code since}. */
  public List<UUID> rescanCandidates(UUID registryId, Instant since) {
    String scope = registryId == null ? "i.registry_id is not null" : "i.registry_id = ?";
    JdbcClient.StatementSpec spec = jdbc.sql("select i.id from images i where " + scope + " and i.deleted_at is null"
        + " and not exists (select 1 from scan_jobs j where j.image_id = i.id and j.created_at >= ?)"
        + " order by i.reference, i.platform");
    if (registryId != null) {
      spec = spec.param(registryId);
    }
    return spec.param(SqlTimes.param(since)).query(UUID.class).list();
  }

  public long liveImages(UUID registryId) {
    return (registryId == null
        ? jdbc.sql("select count(*) from images where registry_id is not null and deleted_at is null")
        : jdbc.sql("select count(*) from images where registry_id = ? and deleted_at is null").param(registryId))
        .query(Long.class).single();
  }

  /** An image cleanup looks at: identity and the times its rules read. */
  public record CleanupCandidate(UUID id, UUID registryId, String repository, String reference, String tag,
      Instant createdAt, Instant lastSeenAt, Instant deletedAt) {
    Instant seen() {
      return lastSeenAt == null ? createdAt : lastSeenAt;
    }
  }

  /** Every registry-backed image, newest registration first within each repository. */
  public List<CleanupCandidate> cleanupCandidates() {
    return jdbc.sql("select id, registry_id, repository, reference, tag, created_at, last_seen_at, deleted_at from images "
        + "where registry_id is not null order by registry_id, repository, created_at desc, reference")
        .query((rs, row) -> new CleanupCandidate(rs.getObject("id", UUID.class), rs.getObject("registry_id", UUID.class),
            rs.getString("repository"), rs.getString("reference"), rs.getString("tag"),
            SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "last_seen_at"),
            SqlTimes.instant(rs, "deleted_at")))
        .list();
  }

  private static MaintenanceRun run(ResultSet rs, int row) throws SQLException {
    String details = rs.getString("details");
    return new MaintenanceRun(rs.getObject("id", UUID.class), rs.getString("task"), rs.getString("trigger_kind"),
        rs.getBoolean("dry_run"), SqlTimes.instant(rs, "started_at"), SqlTimes.instant(rs, "finished_at"),
        rs.getInt("affected"), rs.getInt("skipped"), details.isEmpty() ? List.of() : Arrays.asList(details.split("\n")));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static List<String> concat(List<String> head, String last) {
    List<String> all = new java.util.ArrayList<>(head);
    all.add(last);
    return all;
  }
}
