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
    Lookups cache = new Lookups(rows(queries), new IdentityHashMap<>());
    List<String> problems = new ArrayList<>();
    if (os.isEmpty() && inventory.packages().stream().anyMatch(p -> p.pkg().ecosystem().isOsPackage())) {
      // Distro data is per release: without one, OS packages cannot be judged, which is not "clean".
      problems.add("the image has OS packages but no known OS release (no /etc/os-release): "
          + "its OS packages were not checked");
    }
    // Findings in inventory order (a package listed twice sorts at its first place), then by severity.
    Map<InventoryPackage, Integer> order = new HashMap<>();
    packages.forEach(p -> order.putIfAbsent(p, order.size()));
    List<PlacedFinding> findings = new ArrayList<>();
    for (int i = 0; i < packages.size(); i++) {
      InventoryPackage pkg = packages.get(i);
      List<RecordMatch> matches = recordMatches(pkg, queries.get(i), cache, problems);
      if (matches.stream().anyMatch(RecordMatch::affects)) {
        int place = order.get(pkg);
        FindingMerger.merge(matches).forEach(m -> findings.add(new PlacedFinding(place, enricher.enrich(pkg, m))));
      }
    }
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

  /** What one matching run has read: rows per lookup, and rows completed with their id tables. */
  private record Lookups(Map<PackageKey, List<AffectedRecord>> rows, Map<AffectedRecord, AffectedRecord> completed) {}

  /** One lookup: an ecosystem key and a package name as the inventory has it. */
  private record PackageKey(String ecosystemKey, String name) {}

  private List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    return matchers.stream().filter(m -> m.handles(pkg)).findFirst().map(m -> m.queries(pkg, os)).orElse(List.of());
  }

  /**
   * The rows of every lookup of the run, asked per ecosystem key for all its names at once: a few
   * statements per image instead of one per package (binaries of one source ask the same question).
   */
  private Map<PackageKey, List<AffectedRecord>> rows(List<List<PackageQuery>> queries) {
    Map<String, Set<String>> namesByKey = new LinkedHashMap<>();
    queries.forEach(qs -> qs.forEach(q -> namesByKey.computeIfAbsent(q.ecosystemKey(), k -> new LinkedHashSet<>())
        .add(q.name())));
    Map<PackageKey, List<AffectedRecord>> rows = new HashMap<>();
    namesByKey.forEach((key, names) -> db.affectedRows(key, names)
        .forEach((name, found) -> rows.put(new PackageKey(key, name), found)));
    return rows;
  }

  private List<RecordMatch> recordMatches(InventoryPackage pkg, List<PackageQuery> queries, Lookups cache,
      List<String> problems) {
    List<RecordMatch> matches = new ArrayList<>();
    for (PackageQuery query : queries) {
      for (AffectedRecord row : cache.rows().get(new PackageKey(query.ecosystemKey(), query.name()))) {
        try {
          Optional<String> matchedBy = RecordEvaluator.matchedBy(row, query.version(), query.scheme());
          // Only rows that can make or suppress a finding need their aliases: most rows are fixed
          // below the installed version. The alias table is symmetric, so a row left without
          // aliases still joins its group through the aliases of the rows that name it.
          boolean decisive = matchedBy.isPresent() || row.status() == AffectedStatus.NOT_AFFECTED;
          AffectedRecord record = decisive ? cache.completed().computeIfAbsent(row, db::withIdTables) : row;
          matches.add(new RecordMatch(record, query, matchedBy));
        } catch (IllegalArgumentException e) { // InvalidVersionException, or an OSV range OSV forbids
          problems.add(pkg.pkg().name() + " " + pkg.pkg().version() + ": record " + row.vulnerabilityId()
              + " (" + row.feed() + ", " + row.ecosystemKey() + ") could not be compared: " + e.getMessage());
        }
      }
    }
    return matches;
  }
}
