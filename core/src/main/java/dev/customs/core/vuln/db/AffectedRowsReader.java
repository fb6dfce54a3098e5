package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code affected} rows of many packages of one ecosystem key: the matcher's main
 * question, asked for every package of an image. Callers hold the {@link VulnDb} lock.
 *
 * <p>Two things keep it cheap. Names go in chunks into one {@code name IN (...)} statement, so an
 * image of a thousand packages costs a handful of statements rather than a thousand. And SQLite
 * joins each row's columns into one text value: every column read through JDBC crosses into
 * native code and allocates a buffer, which cost more than SQLite's own work when done eleven times
 * per row for ten thousand rows. The separator, U+001F (unit separator), cannot occur in the
 * columns: ids, feed kinds, statuses and versions are printable text and the JSON columns escape
 * control characters.
 */
final class AffectedRowsReader {
  // Names per statement: well below SQLite's bound-parameter limit (999 in old builds).
  private static final int NAMES_PER_QUERY = 200;
  private static final char SEPARATOR = '\u001f';
  private static final int FIELDS = 11;
  private static final String SQL = "SELECT " + String.join(" || char(31) || ", "id", "name", "vuln_id", "feed",
      "ranges", "versions", "status", "fixed_version", "ifnull(severity_source, '')", "ifnull(severity_level, '')",
      "ifnull(severity_raw, '')")
      + " FROM affected WHERE ecosystem = ? AND name IN (" + "?,".repeat(NAMES_PER_QUERY - 1) + "?)";
  private static final Comparator<IdentifiedRow> ROW_ORDER =
      Comparator.comparing((IdentifiedRow r) -> r.record().vulnerabilityId()).thenComparingLong(IdentifiedRow::id);

  private final VulnDetailsReader statements;
  private final ParsedColumnCache columns;

  AffectedRowsReader(VulnDetailsReader statements, ParsedColumnCache columns) {
    this.statements = statements;
    this.columns = columns;
  }

  /**
   * The rows of each normalized name, in vulnerability-id order then table order; names without
   * rows are absent. Rows carry only their own severity (no aliases, related ids or the
   * vulnerability's severities).
   */
  Map<String, List<AffectedRecord>> read(String ecosystemKey, List<String> names) throws SQLException {
    Map<String, List<IdentifiedRow>> rowsByName = new HashMap<>();
    PreparedStatement s = statements.statement(SQL);
    for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY));
      s.setString(1, ecosystemKey);
      // Padded with the chunk's last name (repeating a name in IN changes nothing): one statement
      // serves every chunk size.
      for (int i = 0; i < NAMES_PER_QUERY; i++) {
        s.setString(i + 2, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String[] f = split(rs.getString(1));
          rowsByName.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new IdentifiedRow(Long.parseLong(f[0]),
              record(f, ecosystemKey)));
        }
      }
    }
    Map<String, List<AffectedRecord>> byName = new HashMap<>();
    // Sorted here rather than by ORDER BY: SQLite would copy every row, JSON columns and all, into a
    // temporary b-tree before returning the first; the index already yields them by name.
    rowsByName.forEach((name, rows) -> byName.put(name, rows.stream().sorted(ROW_ORDER).map(IdentifiedRow::record)
        .toList()));
    return byName;
  }

  private AffectedRecord record(String[] f, String ecosystemKey) {
    List<SeverityRating> ratings = f[8].isEmpty() ? List.of()
        : List.of(new SeverityRating(f[8], SeverityLevel.valueOf(f[9]), f[10]));
    return new AffectedRecord(f[2], List.of(), List.of(), f[3], ecosystemKey, f[1], columns.ranges(f[4]),
        columns.versions(f[5]), AffectedStatus.fromKey(f[6]), f[7], ratings);
  }

  private static String[] split(String row) {
    String[] fields = new String[FIELDS];
    int start = 0;
    for (int i = 0; i < FIELDS - 1; i++) {
      int end = row.indexOf(SEPARATOR, start);
      fields[i] = row.substring(start, end);
      start = end + 1;
    }
    fields[FIELDS - 1] = row.substring(start);
    return fields;
  }

  /** A row with its table id, to order rows by vulnerability id, then id. */
  private record IdentifiedRow(long id, AffectedRecord record) {}
}
