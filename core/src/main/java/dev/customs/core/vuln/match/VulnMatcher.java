package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches an inventory against a vulnerability database: the entry point of {@code vuln.match}.
 * Each package is looked up as its {@link PackageMatcher} says, every record is compared with the
 * package's version scheme ({@link RecordEvaluator}), the records of one vulnerability are merged
 * ({@link FindingMerger}) and the findings enriched ({@link FindingEnricher}). A version or record
 * that cannot be compared is reported as a problem and matching goes on.
 */
public final class VulnMatcher {
  private final VulnDb db;
  private final List<PackageMatcher> matchers;

  public VulnMatcher(VulnDb db, List<PackageMatcher> matchers) {
    this.db = db;
    this.matchers = List.copyOf(matchers);
  }

  /** With the built-in matchers. */
  public VulnMatcher(VulnDb db) {
    this(db, PackageMatchers.defaults());
  }

  public MatchResult match(Inventory inventory) {
    Optional<OsRelease> os = inventory.os();
    Optional<DistroCoverage> coverage = os.map(this::coverage);
    FindingEnricher enricher = new FindingEnricher(db);
    List<InventoryPackage> packages = inventory.packages();
    List<List<PackageQuery>> queries = packages.stream().map(p -> queries(p, os)).toList();
    // The binaries of one source (libc6, libc-bin…) share its rows: read and complete each row once.
    Lookups cache = new Lookups(rows(queries));
    List<String> problems = new ArrayList<>();
    if (os.isEmpty() && inventory.packages().stream().anyMatch(p -> p.pkg().ecosystem().isOsPackage())) {
      // Distro data is per release: without one, OS packages cannot be judged, which is not "clean".
      problems.add("the image has OS packages but no known OS release (no /etc/os-release): "
          + "its OS packages were not checked");
    }
    // Findings in inventory order (a package listed twice sorts at its first place), then by severity.
    Map<InventoryPackage, Integer> order = new HashMap<>();
    packages.forEach(p -> order.putIfAbsent(p, order.size()));
    List<List<RecordMatch>> matches = new ArrayList<>();
    for (int i = 0; i < packages.size(); i++) {
      matches.add(recordMatches(packages.get(i), queries.get(i), cache, problems));
    }
    completeDecisiveRows(matches);
    List<PackageMatch> merged = new ArrayList<>();
    for (int i = 0; i < packages.size(); i++) {
      InventoryPackage pkg = packages.get(i);
      if (matches.get(i).stream().anyMatch(RecordMatch::affects)) {
        int place = order.get(pkg);
        FindingMerger.merge(matches.get(i)).forEach(m -> merged.add(new PackageMatch(place, pkg, m)));
      }
    }
    // What the database knows about the findings' ids, read for all of them at once.
    enricher.prefetch(merged.stream().map(PackageMatch::match).toList());
    List<PlacedFinding> findings = new ArrayList<>();
    merged.forEach(m -> findings.add(new PlacedFinding(m.place(), enricher.enrich(m.pkg(), m.match()))));
    findings.sort(Comparator.comparingInt(PlacedFinding::place)
        .thenComparing(f -> f.finding().severity().level(), Comparator.reverseOrder())
        .thenComparing(f -> f.finding().id()));
    return new MatchResult(findings.stream().map(PlacedFinding::finding).toList(), coverage, db.metadata(), problems);
  }

  private DistroCoverage coverage(OsRelease os) {
    Optional<String> key = DistroKeys.of(os);
    return new DistroCoverage(key.orElse(""), DistroKeys.displayName(os), key.map(db::covers).orElse(false));
  }

  /** A finding and its package's place in the inventory (hashing a package for every comparison was costly). */
  private record PlacedFinding(int place, Finding finding) {}

  /** A merged match of a package, and the package's place in the inventory. */
  private record PackageMatch(int place, InventoryPackage pkg, MergedMatch match) {}

  /** What one matching run has read: rows by ecosystem key, then by package name as the inventory has it. */
  private record Lookups(Map<String, Map<String, List<AffectedRecord>>> rows) {
    List<AffectedRecord> of(PackageQuery query) {
      return rows.get(query.ecosystemKey()).get(query.name());
    }
  }

  private List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    return matchers.stream().filter(m -> m.handles(pkg)).findFirst().map(m -> m.queries(pkg, os)).orElse(List.of());
  }

  /**
   * The rows of every lookup of the run, asked per ecosystem key for all its names at once: a few
   * statements per image instead of one per package (binaries of one source ask the same question).
   */
  private Map<String, Map<String, List<AffectedRecord>>> rows(List<List<PackageQuery>> queries) {
    Map<String, Set<String>> namesByKey = new LinkedHashMap<>();
    queries.forEach(qs -> qs.forEach(q -> namesByKey.computeIfAbsent(q.ecosystemKey(), k -> new LinkedHashSet<>())
        .add(q.name())));
    Map<String, Map<String, List<AffectedRecord>>> rows = new HashMap<>();
    namesByKey.forEach((key, names) -> rows.put(key, db.affectedRows(key, names)));
    return rows;
  }

  /**
   * Completes the rows that can make or suppress a finding with their id tables (aliases, related
   * ids, the vulnerability's severities), all at once: most rows are fixed below the installed
   * version and need none. The alias table is symmetric, so a row left without aliases still joins
   * its group through the aliases of the rows that name it. Binaries of one source share their row
   * objects, so rows are told apart by identity.
   */
  private void completeDecisiveRows(List<List<RecordMatch>> matches) {
    Map<AffectedRecord, AffectedRecord> completed = new IdentityHashMap<>();
    for (List<RecordMatch> ms : matches) {
      for (RecordMatch m : ms) {
        if (decisive(m)) {
          completed.put(m.record(), m.record());
        }
      }
    }
    List<AffectedRecord> rows = List.copyOf(completed.keySet());
    List<AffectedRecord> withTables = db.withIdTables(rows);
    for (int i = 0; i < rows.size(); i++) {
      completed.put(rows.get(i), withTables.get(i));
    }
    for (List<RecordMatch> ms : matches) {
      ms.replaceAll(m -> decisive(m) ? new RecordMatch(completed.get(m.record()), m.query(), m.matchedBy()) : m);
    }
  }

  private static boolean decisive(RecordMatch m) {
    return m.affects() || m.record().status() == AffectedStatus.NOT_AFFECTED;
  }

  private List<RecordMatch> recordMatches(InventoryPackage pkg, List<PackageQuery> queries, Lookups cache,
      List<String> problems) {
    List<RecordMatch> matches = new ArrayList<>();
    for (PackageQuery query : queries) {
      for (AffectedRecord row : cache.of(query)) {
        try {
          matches.add(new RecordMatch(row, query, RecordEvaluator.matchedBy(row, query.version(), query.scheme())));
        } catch (IllegalArgumentException e) { // InvalidVersionException, or an OSV range OSV forbids
          problems.add(pkg.pkg().name() + " " + pkg.pkg().version() + ": record " + row.vulnerabilityId()
              + " (" + row.feed() + ", " + row.ecosystemKey() + ") could not be compared: " + e.getMessage());
        }
      }
    }
    return matches;
  }
}
