package dev.customs.core.vuln.db;

import java.util.List;

/**
 * The tables of a bundle (schema version {@value #VERSION}). A reader refuses any other version.
 *
 * <ul>
 *   <li>{@code meta(key, value)}: {@code schema_version}, {@code built_at} (ISO-8601 UTC), and
 *       {@code rows.<table>}, the row counts the builder wrote, which the verifier recounts.</li>
 *   <li>{@code feeds}: per imported feed, in build order: kind, source (path or URL), the feed's own
 *       newest date (newest {@code modified}, catalog release or score date; null when the feed
 *       states none, as Alpine's secdb), records imported and records skipped as malformed;
 *       {@code feed_problems} lists each skipped record by id or file with the reason.</li>
 *   <li>{@code vulnerabilities}: one row per id, merged over all feeds: first non-empty summary and
 *       description win, earliest {@code published}, latest {@code modified} (epoch milliseconds).
 *       {@code aliases(vuln_id, alias, relation)} with relation {@code alias} (same vulnerability)
 *       or {@code related}; {@code severities} (one rating per source), {@code cvss} (every vector),
 *       {@code cwes}, {@code refs}.</li>
 *   <li>{@code affected}: one row per vulnerability × ecosystem key × package: the feed kind, the
 *       ranges as OSV-shaped JSON ({@code [{"type":"ECOSYSTEM","events":[{"introduced":"0"},
 *       {"fixed":"1.2-3"}]}]}), explicit versions (JSON array), status ({@code fixed},
 *       {@code unfixed}, {@code wont-fix}, {@code eol}, {@code not-affected}, {@code undetermined}),
 *       fixed version, and this package's own severity. Indexed by {@code (ecosystem, name)}.
 *       Names are normalized at build time (PEP 503 for PyPI, lower case for npm/NuGet/Composer/
 *       cargo, {@code group:artifact} for Maven, module path for Go). Debian and Ubuntu rows name the
 *       SOURCE package and Alpine rows the aports origin: a matcher looks OS packages up by their
 *       source name.</li>
 *   <li>{@code kev}: CISA KEV entries by CVE; {@code epss}: the newest EPSS score per CVE.</li>
 * </ul>
 */
final class BundleSchema {
  static final int VERSION = 1;

  static final List<String> TABLES_COUNTED = List.of("vulnerabilities", "affected", "aliases", "kev", "epss");

  static final List<String> DDL = List.of(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      """
      CREATE TABLE feeds (position INTEGER PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL,
        feed_timestamp TEXT, records INTEGER NOT NULL, malformed INTEGER NOT NULL)""",
      "CREATE TABLE feed_problems (feed_position INTEGER NOT NULL, location TEXT NOT NULL, reason TEXT NOT NULL)",
      """
      CREATE TABLE vulnerabilities (id TEXT PRIMARY KEY, summary TEXT NOT NULL, description TEXT NOT NULL,
        published INTEGER, modified INTEGER)""",
      """
      CREATE TABLE aliases (vuln_id TEXT NOT NULL, alias TEXT NOT NULL, relation TEXT NOT NULL,
        PRIMARY KEY (vuln_id, alias, relation)) WITHOUT ROWID""",
      "CREATE INDEX aliases_by_alias ON aliases (alias)",
      """
      CREATE TABLE severities (vuln_id TEXT NOT NULL, source TEXT NOT NULL, level TEXT NOT NULL, raw TEXT NOT NULL,
        PRIMARY KEY (vuln_id, source)) WITHOUT ROWID""",
      """
      CREATE TABLE cvss (vuln_id TEXT NOT NULL, source TEXT NOT NULL, version TEXT NOT NULL, vector TEXT NOT NULL,
        score REAL, type TEXT NOT NULL, PRIMARY KEY (vuln_id, source, version, vector)) WITHOUT ROWID""",
      "CREATE TABLE cwes (vuln_id TEXT NOT NULL, cwe TEXT NOT NULL, PRIMARY KEY (vuln_id, cwe)) WITHOUT ROWID",
      """
      CREATE TABLE refs (vuln_id TEXT NOT NULL, url TEXT NOT NULL, type TEXT NOT NULL,
        PRIMARY KEY (vuln_id, url)) WITHOUT ROWID""",
      """
      CREATE TABLE affected (id INTEGER PRIMARY KEY, vuln_id TEXT NOT NULL, feed TEXT NOT NULL,
        ecosystem TEXT NOT NULL, name TEXT NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL,
        status TEXT NOT NULL, fixed_version TEXT NOT NULL,
        severity_source TEXT, severity_level TEXT, severity_raw TEXT)""",
      "CREATE INDEX affected_by_package ON affected (ecosystem, name)",
      "CREATE INDEX affected_by_vuln ON affected (vuln_id)",
      """
      CREATE TABLE kev (cve_id TEXT PRIMARY KEY, vendor_project TEXT NOT NULL, product TEXT NOT NULL,
        vulnerability_name TEXT NOT NULL, date_added TEXT NOT NULL, due_date TEXT,
        known_ransomware_use TEXT NOT NULL)""",
      "CREATE TABLE epss (cve_id TEXT PRIMARY KEY, score REAL NOT NULL, percentile REAL, score_date TEXT)");

  private BundleSchema() {}
}
