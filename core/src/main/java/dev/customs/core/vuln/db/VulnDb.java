package dev.customs.core.vuln.db;

import dev.customs.core.vuln.db.PackageTablesReader.IdTables;
import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.PackageNames;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read access to an installed bundle: what the matcher, reports and policies ask. Opening checks
 * the checksum sidecar and the schema version. Methods are safe to call from several threads (they
 * share one read-only connection). Query failures on an opened bundle are unexpected (the file was
 * verified) and surface as {@link IllegalStateException}.
 */
public final class VulnDb implements AutoCloseable {
  // A few MB each at most: enough for the distinct rows, ids and CVEs of many images' packages.
  private static final int COLUMN_CACHE_ENTRIES = 20_000;
  private static final int ID_CACHE_ENTRIES = 20_000;
  private static final int CVE_CACHE_ENTRIES = 20_000;
  // Rows per package lookup: most packages have a few rows, a browser in Alpine several hundred.
  private static final int PACKAGE_CACHE_ENTRIES = 5_000;
  // Details carry descriptions and references (a few KB each): fewer of them.
  private static final int DETAILS_CACHE_ENTRIES = 5_000;
  private final Connection db;
  private final BundleMetadata metadata;
  private final VulnDetailsReader detailsReader;
  private final AffectedRowsReader rowsReader;
  // Bounded caches of what an open (immutable) bundle answers again and again: images share their
  // base packages, so a server scanning image after image asks mostly known questions. The rows of
  // a package, parsed JSON columns by their text (in the rows reader), the tables a matched row is
  // completed with and details by vulnerability id, KEV and EPSS by CVE.
  private final LruCache<PackageKey, List<AffectedRecord>> packageRows = new LruCache<>(PACKAGE_CACHE_ENTRIES);
  private final LruCache<String, IdTables> idTables = new LruCache<>(ID_CACHE_ENTRIES);
  private final LruCache<String, Optional<VulnDetails>> details = new LruCache<>(DETAILS_CACHE_ENTRIES);
  private final LruCache<String, Optional<KevEntry>> kev = new LruCache<>(CVE_CACHE_ENTRIES);
  private final LruCache<String, Optional<EpssScore>> epss = new LruCache<>(CVE_CACHE_ENTRIES);

  private VulnDb(Connection db, BundleMetadata metadata) {
    this.db = db;
    this.metadata = metadata;
    this.detailsReader = new VulnDetailsReader(db);
    this.rowsReader = new AffectedRowsReader(detailsReader, new ParsedColumnCache(COLUMN_CACHE_ENTRIES));
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
    try {
      // The tables of all the package's vulnerabilities at once: a few queries per package, not per id.
      Map<String, IdTables> byId = new PackageTablesReader(detailsReader).read(ecosystemKey, name);
      return rowsReader.read(ecosystemKey, List.of(name)).getOrDefault(name, List.of()).stream()
          .map(row -> withTables(row, byId.getOrDefault(row.vulnerabilityId(), IdTables.NONE))).toList();
    } catch (SQLException e) {
      throw failed("affecting(" + ecosystemKey + ", " + packageName + ")", e);
    }
  }

  /**
   * The rows of {@link #affecting} for many packages of one ecosystem key at once, without what
   * they share with their vulnerability (aliases, related ids, the vulnerability's severities): the
   * matcher decides first which rows contain the installed version (usually few: most are fixed),
   * then completes only those with {@link #withIdTables}.
   *
   * @param packageNames names as the inventory has them (normalized here like {@link #affecting})
   * @return each given name's rows in {@link #affecting}'s order; a name without rows maps to an
   *     empty list
   */
  public synchronized Map<String, List<AffectedRecord>> affectedRows(String ecosystemKey,
      Collection<String> packageNames) {
    Map<String, PackageKey> keys = new HashMap<>();
    packageNames.forEach(given -> keys.put(given, new PackageKey(ecosystemKey,
        PackageNames.normalize(ecosystemKey, given))));
    Map<PackageKey, List<AffectedRecord>> rows = packageRows.getAll(new LinkedHashSet<>(keys.values()),
        missing -> readRows(ecosystemKey, missing), List.of());
    Map<String, List<AffectedRecord>> byGivenName = new HashMap<>();
    keys.forEach((given, key) -> byGivenName.put(given, rows.get(key)));
    return byGivenName;
  }

  private Map<PackageKey, List<AffectedRecord>> readRows(String ecosystemKey, List<PackageKey> keys) {
    try {
      Map<PackageKey, List<AffectedRecord>> rows = new HashMap<>();
      rowsReader.read(ecosystemKey, keys.stream().map(PackageKey::name).toList())
          .forEach((name, found) -> rows.put(new PackageKey(ecosystemKey, name), found));
      return rows;
    } catch (SQLException e) {
      throw failed("affectedRows(" + ecosystemKey + ", " + keys.size() + " names)", e);
    }
  }

  /** One package of one ecosystem key, its name normalized. */
  private record PackageKey(String ecosystemKey, String name) {}

  /** A row of {@link #affectedRows} completed as {@link #affecting} returns it. */
  public synchronized AffectedRecord withIdTables(AffectedRecord row) {
    return withIdTables(List.of(row)).getFirst();
  }

  /**
   * Rows of {@link #affectedRows} completed as {@link #affecting} returns them, in the given order.
   * The tables of all their vulnerabilities are read together (a few statements, not three per
   * vulnerability), and kept: many packages and images share a vulnerability.
   */
  public synchronized List<AffectedRecord> withIdTables(List<AffectedRecord> rows) {
    Map<String, IdTables> tables = idTables.getAll(rows.stream().map(AffectedRecord::vulnerabilityId)
        .collect(Collectors.toCollection(LinkedHashSet::new)), this::readIdTables, IdTables.NONE);
    return rows.stream().map(row -> withTables(row, tables.get(row.vulnerabilityId()))).toList();
  }

  private Map<String, IdTables> readIdTables(List<String> ids) {
    try {
      return detailsReader.idTables(ids);
    } catch (SQLException e) {
      throw failed("idTables(" + ids.size() + " ids)", e);
    }
  }

  private static AffectedRecord withTables(AffectedRecord row, IdTables tables) {
    List<SeverityRating> ratings = new ArrayList<>(row.severities());
    ratings.addAll(tables.severities());
    return new AffectedRecord(row.vulnerabilityId(), tables.aliases(), tables.related(), row.feed(),
        row.ecosystemKey(), row.packageName(), row.ranges(), row.versions(), row.status(), row.fixedVersion(), ratings);
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
    return details(List.of(id)).get(id);
  }

  /**
   * {@link #details(String)} of many ids at once: the ids not yet cached are read with one query
   * per table (for a few hundred ids at a time), not seven per id.
   *
   * @return every given id, empty when no feed names it
   */
  public synchronized Map<String, Optional<VulnDetails>> details(Collection<String> ids) {
    return details.getAll(new LinkedHashSet<>(ids), missing -> {
      try {
        Map<String, Optional<VulnDetails>> read = new HashMap<>();
        // The id tables through their cache: matching completed its rows with most of them.
        detailsReader.details(missing, found -> idTables.getAll(found, this::readIdTables, IdTables.NONE))
            .forEach((id, d) -> read.put(id, Optional.of(d)));
        return read;
      } catch (SQLException e) {
        throw failed("details(" + missing.size() + " ids)", e);
      }
    }, Optional.empty());
  }

  /** The CISA KEV entry of a CVE, if it is a known exploited vulnerability. */
  public synchronized Optional<KevEntry> kev(String cve) {
    return kev(List.of(cve)).get(cve);
  }

  /** {@link #kev(String)} of many CVEs at once (one query for those not yet cached); every given CVE is a key. */
  public synchronized Map<String, Optional<KevEntry>> kev(Collection<String> cves) {
    return kev.getAll(new LinkedHashSet<>(cves), this::readKev, Optional.empty());
  }

  private Map<String, Optional<KevEntry>> readKev(List<String> cves) {
    Map<String, Optional<KevEntry>> found = new HashMap<>();
    try {
      detailsReader.query("SELECT cve_id, vendor_project, product, vulnerability_name, date_added, due_date,"
          + " known_ransomware_use FROM kev WHERE cve_id IN (%s)", cves, rs -> {
            String due = rs.getString(6);
            found.put(rs.getString(1), Optional.of(new KevEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), LocalDate.parse(rs.getString(5)), due == null ? null : LocalDate.parse(due),
                rs.getString(7))));
          });
      return found;
    } catch (SQLException e) {
      throw failed("kev(" + cves.size() + " CVEs)", e);
    }
  }

  /** The newest EPSS score of a CVE. */
  public synchronized Optional<EpssScore> epss(String cve) {
    return epss(List.of(cve)).get(cve);
  }

  /** {@link #epss(String)} of many CVEs at once (one query for those not yet cached); every given CVE is a key. */
  public synchronized Map<String, Optional<EpssScore>> epss(Collection<String> cves) {
    return epss.getAll(new LinkedHashSet<>(cves), this::readEpss, Optional.empty());
  }

  private Map<String, Optional<EpssScore>> readEpss(List<String> cves) {
    Map<String, Optional<EpssScore>> found = new HashMap<>();
    try {
      detailsReader.query("SELECT cve_id, score, percentile, score_date FROM epss WHERE cve_id IN (%s)", cves, rs -> {
        double score = rs.getDouble(2);
        double percentile = rs.getDouble(3);
        Double p = rs.wasNull() ? null : percentile;
        String day = rs.getString(4);
        found.put(rs.getString(1), Optional.of(new EpssScore(rs.getString(1), score, p,
            day.isEmpty() ? null : LocalDate.parse(day))));
      });
      return found;
    } catch (SQLException e) {
      throw failed("epss(" + cves.size() + " CVEs)", e);
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
