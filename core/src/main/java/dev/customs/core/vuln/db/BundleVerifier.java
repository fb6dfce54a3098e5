package dev.customs.core.vuln.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Checks a bundle file before it is put in place: SQLite's own integrity check, the schema version,
 * and that every table holds the number of rows the builder recorded.
 */
final class BundleVerifier {
  private BundleVerifier() {}

  static BundleMetadata verify(Path file, String sha256) throws BundleException {
    try (Connection db = BundleMetadataReader.openReadOnly(file)) {
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        String result = rs.next() ? rs.getString(1) : "no answer";
        if (!result.equals("ok")) {
          throw new BundleException(file + " failed SQLite's integrity check: " + result);
        }
      }
      BundleMetadataReader.checkSchema(db, file);
      BundleMetadata metadata = BundleMetadataReader.read(db, sha256);
      for (Map.Entry<String, Long> expected : metadata.rowCounts().entrySet()) {
        long actual = count(db, expected.getKey());
        if (actual != expected.getValue()) {
          throw new BundleException(file + ": table " + expected.getKey() + " holds " + actual
              + " rows but the bundle records " + expected.getValue());
        }
      }
      if (metadata.feeds().isEmpty()) {
        throw new BundleException(file + " was built from no feed");
      }
      return metadata;
    } catch (SQLException e) {
      throw new BundleException(file + " is not a readable SQLite bundle: " + e.getMessage(), e);
    }
  }

  private static long count(Connection db, String table) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
