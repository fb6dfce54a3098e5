package dev.customs.server.feeds;

import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The feed sync runs ({@code feed_sync_runs}) and their feeds ({@code feed_sync_feeds}). */
@Repository
public class FeedSyncRepository {
  private static final int TEXT = 4000;

  private final JdbcClient jdbc;

  public FeedSyncRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a run that just started. */
  public void start(FeedSyncRun run) {
    jdbc.sql("""
        insert into feed_sync_runs (id, trigger_kind, replica, started_at, outcome) values (?, ?, ?, ?, ?)""")
        .params(run.id(), run.trigger(), run.replica(), SqlTimes.param(run.startedAt()), run.outcome().name())
        .update();
  }

  /** Records how the run ended, with its feeds. */
  @Transactional
  public void finish(FeedSyncRun run) {
    jdbc.sql("""
        update feed_sync_runs set finished_at = ?, outcome = ?, bundle_sha256 = ?, error = ? where id = ?""")
        .params(SqlTimes.param(run.finishedAt()), run.outcome().name(), run.bundleSha256(), truncate(run.error()),
            run.id())
        .update();
    for (int i = 0; i < run.feeds().size(); i++) {
      FeedSyncRun.Feed f = run.feeds().get(i);
      jdbc.sql("""
          insert into feed_sync_feeds (run_id, position, kind, location, outcome, http_status, bytes, records,
            malformed, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(run.id(), i, f.kind(), truncate(f.location()), f.outcome().name(), f.httpStatus(), f.bytes(),
              f.records(), f.malformed(), truncate(f.error()))
          .update();
    }
  }

  public Optional<FeedSyncRun> find(UUID id) {
    return jdbc.sql("select * from feed_sync_runs where id = ?").param(id).query(this::run).optional();
  }

  /** The newest runs first. */
  public List<FeedSyncRun> latest(int limit) {
    return jdbc.sql("select * from feed_sync_runs order by started_at desc limit ?").param(limit).query(this::run)
        .list();
  }

  private FeedSyncRun run(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    List<FeedSyncRun.Feed> feeds = jdbc.sql("select * from feed_sync_feeds where run_id = ? order by position")
        .param(id).query(FeedSyncRepository::feed).list();
    return new FeedSyncRun(id, rs.getString("trigger_kind"), rs.getString("replica"),
        SqlTimes.instant(rs, "started_at"), SqlTimes.instant(rs, "finished_at"),
        FeedSyncRun.Outcome.valueOf(rs.getString("outcome")), rs.getString("bundle_sha256"), rs.getString("error"),
        feeds);
  }

  private static FeedSyncRun.Feed feed(ResultSet rs, int row) throws SQLException {
    return new FeedSyncRun.Feed(rs.getString("kind"), rs.getString("location"),
        FeedSyncRun.FeedOutcome.valueOf(rs.getString("outcome")), rs.getObject("http_status", Integer.class),
        rs.getObject("bytes", Long.class), rs.getObject("records", Long.class), rs.getObject("malformed", Long.class),
        rs.getString("error"));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= TEXT ? text : text.substring(0, TEXT - 3) + "...";
  }
}
