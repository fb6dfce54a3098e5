package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VulnDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the per-vulnerability tables of a bundle (callers hold the {@link VulnDb} lock). Statements
 * are prepared once and reused: matching an image asks thousands of small questions, and preparing
 * each one again cost more than answering it.
 */
final class VulnDetailsReader implements AutoCloseable {
  private final Connection db;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  VulnDetailsReader(Connection db) {
    this.db = db;
  }

  /** The prepared statement of {@code sql}, prepared on first use; callers must not close it. */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement s = statements.get(sql);
    if (s == null) {
      s = db.prepareStatement(sql);
      statements.put(sql, s);
    }
    return s;
  }

  @Override
  public void close() {
    for (PreparedStatement s : statements.values()) {
      try {
        s.close();
      } catch (SQLException e) {
        // Read-only: nothing can be lost by a failed close.
      }
    }
    statements.clear();
  }

  Optional<VulnDetails> details(String id) throws SQLException {
    PreparedStatement s = statement("SELECT summary, description, published, modified FROM vulnerabilities WHERE id = ?");
    s.setString(1, id);
    try (ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new VulnDetails(id, aliases(id), related(id), rs.getString(1), rs.getString(2),
          instant(rs, 3), instant(rs, 4), cvss(id), severities(id),
          strings("SELECT cwe FROM cwes WHERE vuln_id = ? ORDER BY cwe", id), references(id)));
    }
  }

  /** Ids of the same vulnerability, whichever record named the other. */
  List<String> aliases(String id) {
    return strings("""
        SELECT alias FROM aliases WHERE vuln_id = ?1 AND relation = 'alias'
        UNION SELECT vuln_id FROM aliases WHERE alias = ?1 AND relation = 'alias' ORDER BY 1""", id);
  }

  List<String> related(String id) {
    return strings("SELECT alias FROM aliases WHERE vuln_id = ? AND relation = 'related' ORDER BY 1", id);
  }

  List<SeverityRating> severities(String id) {
    List<SeverityRating> out = new ArrayList<>();
    query("SELECT source, level, raw FROM severities WHERE vuln_id = ? ORDER BY source", id,
        rs -> out.add(new SeverityRating(rs.getString(1), SeverityLevel.valueOf(rs.getString(2)), rs.getString(3))));
    return out;
  }

  private List<CvssVector> cvss(String id) {
    List<CvssVector> out = new ArrayList<>();
    query("SELECT source, version, vector, score, type FROM cvss WHERE vuln_id = ? ORDER BY version DESC, source", id,
        rs -> {
          double value = rs.getDouble(4);
          // wasNull() speaks of the last column read: ask it before reading the others.
          Double score = rs.wasNull() ? null : value;
          out.add(new CvssVector(rs.getString(1), rs.getString(2), rs.getString(3), score, rs.getString(5)));
        });
    return out;
  }

  private List<Reference> references(String id) {
    List<Reference> out = new ArrayList<>();
    query("SELECT type, url FROM refs WHERE vuln_id = ? ORDER BY url", id,
        rs -> out.add(new Reference(rs.getString(1), rs.getString(2))));
    return out;
  }

  private List<String> strings(String sql, String id) {
    List<String> out = new ArrayList<>();
    query(sql, id, rs -> out.add(rs.getString(1)));
    return out;
  }

  private void query(String sql, String id, RowHandler handler) {
    try {
      PreparedStatement s = statement(sql);
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("vulnerability database query for " + id + " failed: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  @FunctionalInterface
  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }
}
