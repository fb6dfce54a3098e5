package dev.customs.core.vuln.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/** Opens bundles read-only and reads their metadata tables. */
final class BundleMetadataReader {
  private BundleMetadataReader() {}

  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
  }

  /** Refuses a file that is not a bundle, or a bundle of another schema version. */
  static void checkSchema(Connection db, Path file) throws BundleException {
    String version;
    try (PreparedStatement s = db.prepareStatement("SELECT value FROM meta WHERE key = 'schema_version'");
        ResultSet rs = s.executeQuery()) {
      version = rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new BundleException(file + " is not a Customs vulnerability bundle (" + e.getMessage() + ")", e);
    }
    if (version == null) {
      throw new BundleException(file + " is not a Customs vulnerability bundle: it states no schema version");
    }
    if (!version.equals(Integer.toString(BundleSchema.VERSION))) {
      throw new BundleException(file + " has bundle schema version " + version + " but this Customs reads version "
          + BundleSchema.VERSION + ": get a bundle for this version (customs db build, or the matching published"
          + " bundle) or update Customs");
    }
  }

  static BundleMetadata read(Connection db, String sha256) throws SQLException {
    Map<String, String> meta = new LinkedHashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : BundleSchema.TABLES_COUNTED) {
      rows.put(table, Long.parseLong(meta.getOrDefault("rows." + table, "0")));
    }
    return new BundleMetadata(Integer.parseInt(meta.get("schema_version")), Instant.parse(meta.get("built_at")),
        sha256, feeds(db), rows);
  }

  private static List<FeedMetadata> feeds(Connection db) throws SQLException {
    List<FeedMetadata> feeds = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT kind, source, feed_timestamp, records, malformed FROM feeds ORDER BY position")) {
      while (rs.next()) {
        String ts = rs.getString(3);
        feeds.add(new FeedMetadata(rs.getString(1), rs.getString(2), ts == null ? null : Instant.parse(ts),
            rs.getLong(4), rs.getLong(5)));
      }
    }
    return feeds;
  }
}
