package dev.customs.core.vuln.db;

import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the aliases, related ids and severities of every vulnerability of one package in two
 * queries, instead of three per vulnerability: a source package such as glibc has hundreds of
 * records, and matching asks for many packages per image. Callers hold the {@link VulnDb} lock.
 */
final class PackageTablesReader {
  private static final String IDS = "(SELECT DISTINCT vuln_id FROM affected WHERE ecosystem = ?1 AND name = ?2) a";

  /** What an affected row shares with the other rows of its vulnerability; lists sorted like the per-id queries. */
  record IdTables(List<String> aliases, List<String> related, List<SeverityRating> severities) {
    static final IdTables NONE = new IdTables(List.of(), List.of(), List.of());
  }

  private final VulnDetailsReader statements;

  PackageTablesReader(VulnDetailsReader statements) {
    this.statements = statements;
  }

  Map<String, IdTables> read(String ecosystemKey, String name) throws SQLException {
    Map<String, TreeSet<String>> aliases = new HashMap<>();
    Map<String, TreeSet<String>> related = new HashMap<>();
    PreparedStatement s = statements.statement("SELECT a.vuln_id, x.alias, x.relation FROM " + IDS
        + " JOIN aliases x ON x.vuln_id = a.vuln_id UNION ALL SELECT a.vuln_id, x.vuln_id, 'alias' FROM " + IDS
        + " JOIN aliases x ON x.alias = a.vuln_id AND x.relation = 'alias'");
    s.setString(1, ecosystemKey);
    s.setString(2, name);
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        (rs.getString(3).equals("alias") ? aliases : related).computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
            .add(rs.getString(2));
      }
    }
    Map<String, List<SeverityRating>> severities = new HashMap<>();
    PreparedStatement sev = statements.statement("SELECT a.vuln_id, s.source, s.level, s.raw FROM " + IDS
        + " JOIN severities s ON s.vuln_id = a.vuln_id ORDER BY a.vuln_id, s.source");
    sev.setString(1, ecosystemKey);
    sev.setString(2, name);
    try (ResultSet rs = sev.executeQuery()) {
      while (rs.next()) {
        severities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new SeverityRating(rs.getString(2), SeverityLevel.valueOf(rs.getString(3)), rs.getString(4)));
      }
    }
    Map<String, IdTables> byId = new HashMap<>();
    for (String id : union(aliases.keySet(), related.keySet(), severities.keySet())) {
      byId.put(id, new IdTables(List.copyOf(aliases.getOrDefault(id, new TreeSet<>())),
          List.copyOf(related.getOrDefault(id, new TreeSet<>())), List.copyOf(severities.getOrDefault(id, List.of()))));
    }
    return byId;
  }

  @SafeVarargs
  private static TreeSet<String> union(Set<String>... sets) {
    TreeSet<String> all = new TreeSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return all;
  }
}
