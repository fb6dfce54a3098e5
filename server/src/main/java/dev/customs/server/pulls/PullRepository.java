package dev.customs.server.pulls;

import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pull settings, the per-registry pull lease and the run reports. Globs are stored one per line.
 * The lease is a conditional update of the settings row, so of two replicas that try at once
 * exactly one gets it; it expires, so a replica that dies mid-run does not block the registry.
 */
@Repository
public class PullRepository {
  private final JdbcClient jdbc;

  public PullRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The registry's settings, created with the defaults the first time they are asked for. */
  public PullSettings settings(UUID registryId) {
    return find(registryId).orElseGet(() -> {
      try {
        save(PullSettings.defaults(registryId), true);
      } catch (DuplicateKeyException raced) {
        // another request or replica created them first: theirs are as good
      }
      return find(registryId).orElseThrow();
    });
  }

  public void update(PullSettings s) {
    save(s, false);
  }

  private void save(PullSettings s, boolean insert) {
    String sql = insert
        ? """
          insert into registry_pull_settings (cron, include_repositories, exclude_repositories, include_tags,
            exclude_tags, max_tags_per_repository, max_repositories, max_age_days, resume_cursor, registry_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
        : """
          update registry_pull_settings set cron = ?, include_repositories = ?, exclude_repositories = ?,
            include_tags = ?, exclude_tags = ?, max_tags_per_repository = ?, max_repositories = ?, max_age_days = ?,
            resume_cursor = ?, next_run_at = null where registry_id = ?""";
    jdbc.sql(sql).params(s.cron(), lines(s.includeRepositories()), lines(s.excludeRepositories()),
        lines(s.includeTags()), lines(s.excludeTags()), s.maxTagsPerRepository(), s.maxRepositories(),
        s.maxAgeDays(), s.resumeCursor(), s.registryId()).update();
  }

  public Optional<PullSettings> find(UUID registryId) {
    return jdbc.sql("select * from registry_pull_settings where registry_id = ?").param(registryId)
        .query(PullRepository::settings).optional();
  }

  public Optional<Instant> nextRunAt(UUID registryId) {
    return jdbc.sql("select next_run_at from registry_pull_settings where registry_id = ?").param(registryId)
        .query((rs, n) -> Optional.ofNullable(SqlTimes.instant(rs, "next_run_at"))).optional().flatMap(o -> o);
  }

  public void setNextRunAt(UUID registryId, Instant next) {
    jdbc.sql("update registry_pull_settings set next_run_at = ? where registry_id = ?")
        .params(SqlTimes.param(next), registryId).update();
  }

  /** Takes the registry's pull lease unless another live owner holds it. */
  public boolean tryLease(UUID registryId, String owner, Instant now, Instant until) {
    return jdbc.sql("""
        update registry_pull_settings set lease_owner = ?, lease_until = ?
          where registry_id = ? and (lease_until is null or lease_until < ?)""")
        .params(owner, SqlTimes.param(until), registryId, SqlTimes.param(now)).update() == 1;
  }

  /** Ends the run: the cursor for the next one, and the lease given back. */
  public void finish(UUID registryId, String owner, String resumeCursor) {
    jdbc.sql("""
        update registry_pull_settings set resume_cursor = ?, lease_owner = null, lease_until = null
          where registry_id = ? and lease_owner = ?""").params(resumeCursor, registryId, owner).update();
  }

  public void insertReport(PullReport r) {
    jdbc.sql("""
        insert into registry_pulls (id, registry_id, trigger_kind, started_at, finished_at, repositories_seen,
          images_new, images_changed, images_unchanged, images_gone, images_failed, resume_cursor, failures)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.registryId(), r.trigger(), SqlTimes.param(r.startedAt()), SqlTimes.param(r.finishedAt()),
            r.repositoriesSeen(), r.imagesNew(), r.imagesChanged(), r.imagesUnchanged(), r.imagesGone(), r.imagesFailed(),
            r.resumeCursor(), truncate(lines(r.failures())))
        .update();
  }

  public List<PullReport> reports(UUID registryId, int limit) {
    return jdbc.sql("select * from registry_pulls where registry_id = ? order by started_at desc limit ?")
        .params(registryId, limit).query(PullRepository::report).list();
  }

  private static PullSettings settings(ResultSet rs, int row) throws SQLException {
    return new PullSettings(rs.getObject("registry_id", UUID.class), rs.getString("cron"),
        list(rs.getString("include_repositories")), list(rs.getString("exclude_repositories")),
        list(rs.getString("include_tags")), list(rs.getString("exclude_tags")), rs.getInt("max_tags_per_repository"),
        rs.getInt("max_repositories"), rs.getObject("max_age_days", Integer.class), rs.getString("resume_cursor"));
  }

  private static PullReport report(ResultSet rs, int row) throws SQLException {
    return new PullReport(rs.getObject("id", UUID.class), rs.getObject("registry_id", UUID.class),
        rs.getString("trigger_kind"), SqlTimes.instant(rs, "started_at"), SqlTimes.instant(rs, "finished_at"),
        rs.getInt("repositories_seen"), rs.getInt("images_new"), rs.getInt("images_changed"),
        rs.getInt("images_unchanged"), rs.getInt("images_gone"), rs.getInt("images_failed"), rs.getString("resume_cursor"),
        list(rs.getString("failures")));
  }

  private static String lines(List<String> values) {
    return String.join("\n", values);
  }

  private static List<String> list(String lines) {
    return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
  }

  /** The failures column holds the first ones; the counts are complete. */
  private static String truncate(String text) {
    return text.length() <= 8000 ? text : text.substring(0, 7997) + "...";
  }
}
