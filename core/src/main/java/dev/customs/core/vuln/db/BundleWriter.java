package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityRating;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.sqlite.SQLiteConfig;

/** Writes records into a new bundle file; everything goes into one transaction, committed by {@link #finish}. */
final class BundleWriter implements AutoCloseable {
  private static final String AFFECTED_COLUMNS = "vuln_id, feed, ecosystem, name, ranges, versions, status,"
      + " fixed_version, severity_source, severity_level, severity_raw";
  private final Connection db;
  private final PreparedStatement vulnerability;
  private final PreparedStatement alias;
  private final PreparedStatement severity;
  private final PreparedStatement cvss;
  private final PreparedStatement cwe;
  private final PreparedStatement ref;
  private final PreparedStatement affected;
  private final PreparedStatement kev;
  private final PreparedStatement epss;

  BundleWriter(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    // Otherwise the driver prepares and runs "SELECT last_insert_rowid()" after every insert.
    config.setGetGeneratedKeys(false);
    db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    try (Statement s = db.createStatement()) {
      // The file is a temporary one, thrown away when the build fails: no journal needed.
      s.execute("PRAGMA journal_mode = OFF");
      s.execute("PRAGMA synchronous = OFF");
      for (String ddl : BundleSchema.DDL) {
        s.execute(ddl);
      }
      s.execute("CREATE TEMP TABLE affected_staging AS SELECT " + AFFECTED_COLUMNS + " FROM affected WHERE 0");
    }
    db.setAutoCommit(false);
    vulnerability = db.prepareStatement("""
        INSERT INTO vulnerabilities (id, summary, description, published, modified) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          summary = CASE WHEN summary = '' THEN excluded.summary ELSE summary END,
          description = CASE WHEN description = '' THEN excluded.description ELSE description END,
          published = min(coalesce(published, excluded.published), coalesce(excluded.published, published)),
          modified = max(coalesce(modified, excluded.modified), coalesce(excluded.modified, modified))""");
    alias = db.prepareStatement("INSERT OR IGNORE INTO aliases (vuln_id, alias, relation) VALUES (?, ?, ?)");
    severity = db.prepareStatement("INSERT OR IGNORE INTO severities (vuln_id, source, level, raw) VALUES (?, ?, ?, ?)");
    cvss = db.prepareStatement(
        "INSERT OR IGNORE INTO cvss (vuln_id, source, version, vector, score, type) VALUES (?, ?, ?, ?, ?, ?)");
    cwe = db.prepareStatement("INSERT OR IGNORE INTO cwes (vuln_id, cwe) VALUES (?, ?)");
    ref = db.prepareStatement("INSERT OR IGNORE INTO refs (vuln_id, url, type) VALUES (?, ?, ?)");
    affected = db.prepareStatement("INSERT INTO temp.affected_staging (" + AFFECTED_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    kev = db.prepareStatement("INSERT OR REPLACE INTO kev VALUES (?, ?, ?, ?, ?, ?, ?)");
    epss = db.prepareStatement("""
        INSERT INTO epss (cve_id, score, percentile, score_date) VALUES (?, ?, ?, ?)
        ON CONFLICT (cve_id) DO UPDATE SET score = excluded.score, percentile = excluded.percentile,
          score_date = excluded.score_date WHERE excluded.score_date >= epss.score_date""");
  }

  void advisory(String feedKind, Advisory a) throws SQLException {
    vulnerability.setString(1, a.id());
    vulnerability.setString(2, a.summary());
    vulnerability.setString(3, a.description());
    setInstant(vulnerability, 4, a.published());
    setInstant(vulnerability, 5, a.modified());
    vulnerability.executeUpdate();
    for (String id : a.aliases()) {
      execute(alias, a.id(), id, "alias");
    }
    for (String id : a.related()) {
      execute(alias, a.id(), id, "related");
    }
    for (SeverityRating s : a.severities()) {
      execute(severity, a.id(), s.source(), s.level().name(), s.raw());
    }
    for (CvssVector v : a.cvss()) {
      cvss.setString(1, a.id());
      cvss.setString(2, v.source());
      cvss.setString(3, v.version());
      cvss.setString(4, v.vector());
      setDouble(cvss, 5, v.baseScore());
      cvss.setString(6, v.type());
      cvss.executeUpdate();
    }
    for (String c : a.cwes()) {
      execute(cwe, a.id(), c);
    }
    for (Reference r : a.references()) {
      execute(ref, a.id(), r.url(), r.type());
    }
    for (AffectedPackage p : a.affected()) {
      affected(feedKind, a.id(), p);
    }
  }

  private void affected(String feedKind, String id, AffectedPackage p) throws SQLException {
    SeverityRating s = p.severity();
    execute(affected, id, feedKind, p.ecosystemKey(), p.name(), RangesJson.writeRanges(p.ranges()),
        RangesJson.writeStrings(p.versions()), p.status().key(), p.fixedVersion(),
        s == null ? null : s.source(), s == null ? null : s.level().name(), s == null ? null : s.raw());
  }

  void kev(KevEntry e) throws SQLException {
    execute(kev, e.cveId(), e.vendorProject(), e.product(), e.vulnerabilityName(), e.dateAdded().toString(),
        e.dueDate() == null ? null : e.dueDate().toString(), e.knownRansomwareCampaignUse());
  }

  void epss(EpssScore s) throws SQLException {
    epss.setString(1, s.cveId());
    epss.setDouble(2, s.score());
    setDouble(epss, 3, s.percentile());
    epss.setString(4, s.scoreDate() == null ? "" : s.scoreDate().toString());
    epss.executeUpdate();
  }

  /** Records one imported feed and the problems found in it. */
  void feed(int position, FeedRecorder recorder) throws SQLException {
    try (PreparedStatement feed = db.prepareStatement("INSERT INTO feeds VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement problem = db.prepareStatement("INSERT INTO feed_problems VALUES (?, ?, ?)")) {
      Instant ts = recorder.timestamp();
      execute(feed, position, recorder.kind(), recorder.source(), ts == null ? null : ts.toString(),
          recorder.records(), recorder.problems().size());
      for (FeedProblem p : recorder.problems()) {
        execute(problem, position, p.location(), p.reason());
      }
    }
  }

  /**
   * Writes the affected rows, the metadata (schema version, build time, row counts) and commits.
   *
   * <p>Feeds arrive one advisory at a time, so a package's rows come from all over the feeds; were
   * they stored in that order, reading one package would touch a table page per row. They are kept
   * in a temporary table (outside the bundle) until now and written sorted by package, so a
   * package's rows share a few pages. Within a package and vulnerability they keep the feeds' order
   * (the staging rowid), which the readers' order falls back on.
   */
  void finish(Instant builtAt) throws SQLException {
    try (PreparedStatement meta = db.prepareStatement("INSERT INTO meta VALUES (?, ?)");
        Statement s = db.createStatement()) {
      s.executeUpdate("INSERT INTO affected (" + AFFECTED_COLUMNS + ") SELECT " + AFFECTED_COLUMNS
          + " FROM temp.affected_staging ORDER BY ecosystem, name, vuln_id, rowid");
      s.execute("DROP TABLE temp.affected_staging");
      execute(meta, "schema_version", Integer.toString(BundleSchema.VERSION));
      execute(meta, "built_at", builtAt.toString());
      for (String table : BundleSchema.TABLES_COUNTED) {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          execute(meta, "rows." + table, Long.toString(rs.getLong(1)));
        }
      }
    }
    db.commit();
    try (Statement s = db.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }

  private static void execute(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.executeUpdate();
  }

  private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.REAL);
    } else {
      statement.setDouble(index, value);
    }
  }
}
