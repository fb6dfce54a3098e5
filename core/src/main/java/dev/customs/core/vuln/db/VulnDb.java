package dev.customs.core.vuln.db;

import dev.customs.core.vuln.db.PackageTablesReader.IdTables;
import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.PackageNames;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VulnDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to an installed bundle: what the matcher, reports and policies ask. Opening checks
 * the checksum sidecar and the schema version. Methods are safe to call from several threads (they
 * share one read-only connection). Query failures on an opened bundle are unexpected (the file was
 * verified) and surface as {@link IllegalStateException}.
 */
public final class VulnDb implements AutoCloseable {
  // A few MB each at most: enough for the distinct rows and ids of many images' packages.
  private static final int COLUMN_CACHE_ENTRIES = 20_000;
  private static final int ID_CACHE_ENTRIES = 20_000;
  // Details carry descriptions and references (a few KB each): fewer of them.
  private static final int DETAILS_CACHE_ENTRIES = 5_000;
  private static final Comparator<IdentifiedRow> ROW_ORDER =
      Comparator.comparing((IdentifiedRow r) -> r.record().vulnerabilityId()).thenComparingLong(IdentifiedRow::id);
  private final Connection db;
  private final BundleMetadata metadata;
  private final VulnDetailsReader detailsReader;
  // Bounded caches of what an open (immutable) bundle answers again and again: parsed JSON columns
  // by their text, the tables a matched row is completed with, and details, by vulnerability id.
  private final ParsedColumnCache columns = new ParsedColumnCache(COLUMN_CACHE_ENTRIES);
  private final LruCache<String, IdTables> idTables = new LruCache<>(ID_CACHE_ENTRIES);
  private final LruCache<String, Optional<VulnDetails>> details = new LruCache<>(DETAILS_CACHE_ENTRIES);

  private VulnDb(Connection db, BundleMetadata metadata) {
    this.db = db;
    this.metadata = metadata;
    this.detailsReader = new VulnDetailsReader(db);
  }

  /**
   * Opens a bundle.
   *
   * @throws BundleMissingException when there is no file (the message says how to get one)
   * @throws BundleException when the checksum or schema version does not match, or it is no bundle
   */
  public static VulnDb open(Path file) throws BundleException {
    if (!Files.isRegularFile(file)) {
      throw new BundleMissingException(file);
    }
    Connection db = null;
    try {
      String sha256 = BundleChecksum.verify(file);
      db = BundleMetadataReader.openReadOnly(file);
      BundleMetadataReader.checkSchema(db, file);
      return new VulnDb(db, BundleMetadataReader.read(db, sha256));
    } catch (IOException | SQLException | BundleException e) {
      closeQuietly(db);
      if (e instanceof BundleException be) {
        throw be;
      }
      throw new BundleException("cannot open the vulnerability database " + file + ": " + e.getMessage(), e);
    }
  }

  public BundleMetadata metadata() {
    return metadata;
  }

  /**
   * Every record for a package, in vulnerability-id order.
   *
   * @param ecosystemKey see {@link dev.customs.core.vuln.model.EcosystemKeys}: {@code debian:12},
   *     {@code alpine:3.20}, {@code rhel:9}, {@code npm}, {@code maven}, {@code pypi}, {@code go}…
   * @param packageName the name as the inventory has it; it is normalized like the bundle's names
   *     ({@link PackageNames#normalize}). For Debian/Ubuntu ask with the SOURCE package name, for
   *     Alpine with the origin.
   */
  public synchronized List<AffectedRecord> affecting(String ecosystemKey, String packageName) {
    String name = PackageNames.normalize(ecosystemKey, packageName);
    List<AffectedRecord> records = new ArrayList<>();
    try {
      // The tables of all the package's vulnerabilities at once: a few queries per package, not per id.
      Map<String, IdTables> byId = new PackageTablesReader(detailsReader).read(ecosystemKey, name);
      PreparedStatement s = detailsReader.statement("""
          SELECT vuln_id, feed, ranges, versions, status, fixed_version, severity_source, severity_level, severity_raw
          FROM affected WHERE ecosystem = ? AND name = ? ORDER BY vuln_id, id""");
      s.setString(1, ecosystemKey);
      s.setString(2, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          records.add(record(rs, ecosystemKey, name, byId.getOrDefault(rs.getString(1), IdTables.NONE)));
        }
      }
    } catch (SQLException e) {
      throw failed("affecting(" + ecosystemKey + ", " + packageName + ")", e);
    }
    return records;
  }

  /**
   * The rows of {@link #affecting} without what they share with their vulnerability (aliases,
   * related ids, the vulnerability's severities): the matcher decides first which rows contain the
   * installed version (usually few: most are fixed), then completes only those with
   * {@link #withIdTables}.
   */
  public synchronized List<AffectedRecord> affectedRows(String ecosystemKey, String packageName) {
    String name = PackageNames.normalize(ecosystemKey, packageName);
    List<IdentifiedRow> rows = new ArrayList<>();
    try {
      // Sorted here rather than by ORDER BY: SQLite would copy every row, JSON columns and all,
      // into a temporary b-tree before returning the first; the index already yields them by name.
      PreparedStatement s = detailsReader.statement("""
          SELECT vuln_id, feed, ranges, versions, status, fixed_version, severity_source, severity_level, severity_raw, id
          FROM affected WHERE ecosystem = ? AND name = ?""");
      s.setString(1, ecosystemKey);
      s.setString(2, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new IdentifiedRow(rs.getLong(10), record(rs, ecosystemKey, name, IdTables.NONE)));
        }
      }
    } catch (SQLException e) {
      throw failed("affectedRows(" + ecosystemKey + ", " + packageName + ")", e);
    }
    rows.sort(ROW_ORDER);
    return rows.stream().map(IdentifiedRow::record).toList();
  }

  /** An affected row with its table id, to order rows as {@link #affecting} does (vulnerability id, then id). */
  private record IdentifiedRow(long id, AffectedRecord record) {}

  /** A row of {@link #affectedRows} completed as {@link #affecting} returns it. */
  public synchronized AffectedRecord withIdTables(AffectedRecord row) {
    String id = row.vulnerabilityId();
    // Many packages share a vulnerability (and repeated runs share all of them): read its tables once.
    IdTables tables = idTables.get(id, i -> new IdTables(List.copyOf(detailsReader.aliases(i)),
        List.copyOf(detailsReader.related(i)), List.copyOf(detailsReader.severities(i))));
    List<SeverityRating> ratings = new ArrayList<>(row.severities());
    ratings.addAll(tables.severities());
    return new AffectedRecord(id, tables.aliases(), tables.related(), row.feed(), row.ecosystemKey(),
        row.packageName(), row.ranges(), row.versions(), row.status(), row.fixedVersion(), ratings);
  }

  private AffectedRecord record(ResultSet rs, String ecosystemKey, String name, IdTables tables)
      throws SQLException {
    List<SeverityRating> ratings = new ArrayList<>();
    if (rs.getString(7) != null) {
      ratings.add(new SeverityRating(rs.getString(7), SeverityLevel.valueOf(rs.getString(8)), rs.getString(9)));
    }
    ratings.addAll(tables.severities());
    return new AffectedRecord(rs.getString(1), tables.aliases(), tables.related(), rs.getString(2), ecosystemKey,
        name, columns.ranges(rs.getString(3)), columns.versions(rs.getString(4)),
        AffectedStatus.fromKey(rs.getString(5)), rs.getString(6), ratings);
  }


  /**
   * Whether the bundle holds any record for an ecosystem key ({@code debian:12}): a release the
   * data does not cover must be reported as such, never as "no vulnerabilities". One index probe.
   */
  public synchronized boolean covers(String ecosystemKey) {
    try {
      PreparedStatement s = detailsReader.statement("SELECT 1 FROM affected WHERE ecosystem = ? LIMIT 1");
      s.setString(1, ecosystemKey);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failed("covers(" + ecosystemKey + ")", e);
    }
  }

  /** Everything known about an id, merged over all feeds; empty when no feed names it. */
  public synchronized Optional<VulnDetails> details(String id) {
    // Seven small queries per id; images share most of their vulnerabilities (same base packages).
    return details.get(id, i -> {
      try {
        return detailsReader.details(i);
      } catch (SQLException e) {
        throw failed("details(" + i + ")", e);
      }
    });
  }

  /** The CISA KEV entry of a CVE, if it is a known exploited vulnerability. */
  public synchronized Optional<KevEntry> kev(String cve) {
    try {
      PreparedStatement s = detailsReader.statement("SELECT * FROM kev WHERE cve_id = ?");
      s.setString(1, cve);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String due = rs.getString("due_date");
        return Optional.of(new KevEntry(cve, rs.getString("vendor_project"), rs.getString("product"),
            rs.getString("vulnerability_name"), LocalDate.parse(rs.getString("date_added")),
            due == null ? null : LocalDate.parse(due), rs.getString("known_ransomware_use")));
      }
    } catch (SQLException e) {
      throw failed("kev(" + cve + ")", e);
    }
  }

  /** The newest EPSS score of a CVE. */
  public synchronized Optional<EpssScore> epss(String cve) {
    try {
      PreparedStatement s = detailsReader.statement("SELECT score, percentile, score_date FROM epss WHERE cve_id = ?");
      s.setString(1, cve);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        double percentile = rs.getDouble(2);
        Double p = rs.wasNull() ? null : percentile;
        String day = rs.getString(3);
        return Optional.of(new EpssScore(cve, rs.getDouble(1), p, day.isEmpty() ? null : LocalDate.parse(day)));
      }
    } catch (SQLException e) {
      throw failed("epss(" + cve + ")", e);
    }
  }

  @Override
  public synchronized void close() {
    detailsReader.close();
    closeQuietly(db);
  }

  private static IllegalStateException failed(String query, SQLException e) {
    return new IllegalStateException("vulnerability database query " + query + " failed: " + e.getMessage(), e);
  }

  private static void closeQuietly(Connection db) {
    if (db == null) {
      return;
    }
    try {
      db.close();
    } catch (SQLException e) {
      // Read-only: nothing can be lost by a failed close.
    }
  }
}
