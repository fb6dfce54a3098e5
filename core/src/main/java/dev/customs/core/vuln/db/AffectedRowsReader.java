package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code affected} rows of many packages of one ecosystem key: the matcher's main
 * question, asked for every package of an image. Callers hold the {@link VulnDb} lock.
 *
 * <p>Two things keep it cheap. Names go in chunks into one {@code name IN (...)} statement, so an
 * image of a thousand packages costs a handful of statements rather than a thousand. And SQLite
 * joins all rows of a package into one text value, each row's columns separated by U+001F (unit
 * separator), rows by U+001E (record separator): every value read through JDBC crosses into native
 * code and allocates a buffer, which cost more than SQLite's own work when done per column, or
 * even per row, for ten thousand rows. The separators cannot occur in the columns: ids, feed
 * kinds, statuses and versions are printable text and the JSON columns escape control characters.
 */
final class AffectedRowsReader {
  // Names per statement: well below SQLite's bound-parameter limit (999 in old builds).
  private static final int NAMES_PER_QUERY = 200;
  private static final char ROW_SEPARATOR = '\u001e';
  private static final char FIELD_SEPARATOR = '\u001f';
  private static final int FIELDS = 10;
  // concat_ws builds a row's text at once (a chain of || copied the growing text once per column);
  // it leaves NULLs out, so the nullable columns become empty text and every row has all fields.
  // The index on (ecosystem, name) yields each name's rows together, so grouping sorts nothing.
  private static final String SQL = "SELECT name, group_concat(concat_ws(char(31), id, vuln_id, feed, ranges,"
      + " versions, status, fixed_version, ifnull(severity_source, ''), ifnull(severity_level, ''),"
      + " ifnull(severity_raw, '')), char(30)) FROM affected WHERE ecosystem = ? AND name IN ("
      + "?,".repeat(NAMES_PER_QUERY - 1) + "?) GROUP BY name";
  private static final Comparator<IdentifiedRow> ROW_ORDER = (a, b) -> {
    int byId = a.record().vulnerabilityId().compareTo(b.record().vulnerabilityId());
    return byId != 0 ? byId : Long.compare(a.id(), b.id());
  };
  // The status column by its text: AffectedStatus.fromKey builds two strings per row.
  private static final Map<String, AffectedStatus> STATUSES = Arrays.stream(AffectedStatus.values())
      .collect(Collectors.toUnmodifiableMap(AffectedStatus::key, s -> s));

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
    Map<String, List<AffectedRecord>> byName = new HashMap<>();
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
          String name = rs.getString(1);
          byName.put(name, records(ecosystemKey, name, rs.getString(2)));
        }
      }
    }
    return byName;
  }

  /**
   * The rows of one name from their joined text, sorted here rather than by ORDER BY: SQLite would
   * copy every row, JSON columns and all, into a temporary b-tree before returning the first.
   */
  private List<AffectedRecord> records(String ecosystemKey, String name, String joined) {
    List<IdentifiedRow> rows = new ArrayList<>();
    String[] f = new String[FIELDS];
    int start = 0;
    while (start <= joined.length()) {
      start = split(joined, start, f);
      rows.add(new IdentifiedRow(Long.parseLong(f[0]), record(f, ecosystemKey, name)));
    }
    rows.sort(ROW_ORDER);
    return rows.stream().map(IdentifiedRow::record).toList();
  }

  private AffectedRecord record(String[] f, String ecosystemKey, String name) {
    List<SeverityRating> ratings = f[7].isEmpty() ? List.of()
        : List.of(new SeverityRating(f[7], SeverityLevel.valueOf(f[8]), f[9]));
    return new AffectedRecord(f[1], List.of(), List.of(), f[2], ecosystemKey, name, columns.ranges(f[3]),
        columns.versions(f[4]), status(f[5]), f[6], ratings);
  }

  private static AffectedStatus status(String key) {
    AffectedStatus status = STATUSES.get(key);
    if (status == null) {
      throw new IllegalArgumentException("unknown affected status in the bundle: " + key);
    }
    return status;
  }

  /** Reads the fields of the row that begins at {@code start}; returns where the next row begins. */
  private static int split(String joined, int start, String[] fields) {
    for (int i = 0; i < FIELDS - 1; i++) {
      int end = joined.indexOf(FIELD_SEPARATOR, start);
      fields[i] = joined.substring(start, end);
      start = end + 1;
    }
    int end = joined.indexOf(ROW_SEPARATOR, start);
    end = end < 0 ? joined.length() : end;
    fields[FIELDS - 1] = joined.substring(start, end);
    return end + 1;
  }

  /** A row with its table id, to order rows by vulnerability id, then id. */
  private record IdentifiedRow(long id, AffectedRecord record) {}
}
