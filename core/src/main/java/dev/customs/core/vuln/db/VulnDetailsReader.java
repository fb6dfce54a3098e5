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
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the per-vulnerability tables of a bundle (callers hold the {@link VulnDb} lock). Statements
 * are prepared once and reused: matching an image asks thousands of small questions, and preparing
 * each one again cost more than answering it.
 */
final class VulnDetailsReader implements AutoCloseable {
  // Ids per statement: well below SQLite's bound-parameter limit (999 in old builds).
  static final int IDS_PER_QUERY = 200;
  // Numbered parameters, so that one list can serve several IN clauses of a statement.
  private static final String ID_PARAMETERS = IntStream.rangeClosed(1, IDS_PER_QUERY).mapToObj(i -> "?" + i)
      .collect(Collectors.joining(","));
  private static final char FIELD_SEPARATOR = '\u001f';
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

  /**
   * Everything known about each id, merged over all feeds; ids no feed names are absent. One query
   * per table per {@value #IDS_PER_QUERY} ids: an image's findings name a few thousand ids the first
   * time, and seven small queries per id cost more than reading the rows.
   *
   * @param tables the aliases, related ids and severities of the ids found (usually {@link #idTables},
   *     through a cache: matching has read them already for the rows it completed)
   */
  Map<String, VulnDetails> details(List<String> ids,
      Function<List<String>, Map<String, PackageTablesReader.IdTables>> tables) throws SQLException {
    Map<String, ResultRow> main = new HashMap<>();
    query("SELECT id, summary, description, published, modified FROM vulnerabilities WHERE id IN (%s)", ids,
        rs -> main.put(rs.getString(1), new ResultRow(rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5))));
    List<String> found = ids.stream().filter(main::containsKey).distinct().toList();
    Map<String, PackageTablesReader.IdTables> tablesById = tables.apply(found);
    Map<String, List<CvssVector>> cvss = new HashMap<>();
    query("SELECT vuln_id, source, version, vector, score, type FROM cvss WHERE vuln_id IN (%s)"
        + " ORDER BY vuln_id, version DESC, source", found, rs -> {
          double value = rs.getDouble(5);
          // wasNull() speaks of the last column read: ask it before reading the others.
          Double score = rs.wasNull() ? null : value;
          cvss.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new CvssVector(rs.getString(2), rs.getString(3), rs.getString(4), score, rs.getString(6)));
        });
    Map<String, List<String>> cwes = new HashMap<>();
    query("SELECT vuln_id, cwe FROM cwes WHERE vuln_id IN (%s) ORDER BY vuln_id, cwe", found,
        rs -> cwes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
    Map<String, List<Reference>> refs = new HashMap<>();
    // The references are most of the rows read: one joined value per row rather than three (see
    // AffectedRowsReader). The URL comes last, so whatever it holds ends up in it.
    query("SELECT concat_ws(char(31), vuln_id, type, url) FROM refs WHERE vuln_id IN (%s) ORDER BY vuln_id, url",
        found, rs -> {
          String row = rs.getString(1);
          int afterId = row.indexOf(FIELD_SEPARATOR);
          int afterType = row.indexOf(FIELD_SEPARATOR, afterId + 1);
          refs.computeIfAbsent(row.substring(0, afterId), k -> new ArrayList<>())
              .add(new Reference(row.substring(afterId + 1, afterType), row.substring(afterType + 1)));
        });
    Map<String, VulnDetails> out = new HashMap<>();
    for (String id : found) {
      ResultRow row = main.get(id);
      PackageTablesReader.IdTables t = tablesById.getOrDefault(id, PackageTablesReader.IdTables.NONE);
      out.put(id, new VulnDetails(id, t.aliases(), t.related(), row.summary(), row.description(), row.published(),
          row.modified(), cvss.getOrDefault(id, List.of()), t.severities(), cwes.getOrDefault(id, List.of()),
          refs.getOrDefault(id, List.of())));
    }
    return out;
  }

  /** The columns of a {@code vulnerabilities} row. */
  private record ResultRow(String summary, String description, Instant published, Instant modified) {}

  /**
   * The aliases (whichever record named the other), related ids and severities of each id, lists
   * sorted; ids without any are absent. Two queries per {@value #IDS_PER_QUERY} ids.
   */
  Map<String, PackageTablesReader.IdTables> idTables(List<String> ids) throws SQLException {
    Map<String, TreeSet<String>> aliases = new HashMap<>();
    Map<String, TreeSet<String>> related = new HashMap<>();
    query("SELECT vuln_id, alias, relation FROM aliases WHERE vuln_id IN (%s)"
        + " UNION ALL SELECT alias, vuln_id, relation FROM aliases WHERE alias IN (%s) AND relation = 'alias'", ids,
        rs -> (rs.getString(3).equals("alias") ? aliases : related)
            .computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)));
    Map<String, List<SeverityRating>> severities = new HashMap<>();
    query("SELECT vuln_id, source, level, raw FROM severities WHERE vuln_id IN (%s) ORDER BY vuln_id, source", ids,
        rs -> severities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new SeverityRating(rs.getString(2), SeverityLevel.valueOf(rs.getString(3)), rs.getString(4))));
    Map<String, PackageTablesReader.IdTables> byId = new HashMap<>();
    for (String id : ids) {
      if (aliases.containsKey(id) || related.containsKey(id) || severities.containsKey(id)) {
        byId.put(id, new PackageTablesReader.IdTables(List.copyOf(aliases.getOrDefault(id, new TreeSet<>())),
            List.copyOf(related.getOrDefault(id, new TreeSet<>())), List.copyOf(severities.getOrDefault(id, List.of()))));
      }
    }
    return byId;
  }

  /**
   * Runs {@code sql}, whose {@code %s} stands for a list of ids (it may occur more than once), for
   * {@value #IDS_PER_QUERY} ids at a time. Chunks are padded with their last id (repeating an id in
   * {@code IN} changes nothing): one prepared statement serves every chunk size.
   */
  void query(String sql, List<String> ids, RowHandler handler) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    PreparedStatement s = statement(sql.replace("%s", ID_PARAMETERS));
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      for (int i = 0; i < IDS_PER_QUERY; i++) {
        s.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }
}
