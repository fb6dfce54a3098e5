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
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    // The binaries of one source (libc6, libc-bin…) share its rows: read and complete each row once.
    Lookups cache = new Lookups(new HashMap<>(), new IdentityHashMap<>());
    List<String> problems = new ArrayList<>();
    if (os.isEmpty() && inventory.packages().stream().anyMatch(p -> p.pkg().ecosystem().isOsPackage())) {
      // Distro data is per release: without one, OS packages cannot be judged, which is not "clean".
      problems.add("the image has OS packages but no known OS release (no /etc/os-release): "
          + "its OS packages were not checked");
    }
    List<Finding> findings = new ArrayList<>();
    for (InventoryPackage pkg : inventory.packages()) {
      List<RecordMatch> matches = recordMatches(pkg, os, cache, problems);
      if (matches.stream().anyMatch(RecordMatch::affects)) {
        FindingMerger.merge(matches).forEach(m -> findings.add(enricher.enrich(pkg, m)));
      }
    }
    Map<InventoryPackage, Integer> order = new HashMap<>();
    inventory.packages().forEach(p -> order.putIfAbsent(p, order.size()));
    findings.sort(Comparator.comparing((Finding f) -> order.get(f.pkg()))
        .thenComparing(f -> f.severity().level(), Comparator.reverseOrder())
        .thenComparing(Finding::id));
    return new MatchResult(findings, coverage, db.metadata(), problems);
  }

  private DistroCoverage coverage(OsRelease os) {
    Optional<String> key = DistroKeys.of(os);
    return new DistroCoverage(key.orElse(""), DistroKeys.displayName(os), key.map(db::covers).orElse(false));
  }

  /** What one matching run has already read: rows per lookup, and rows completed with their id tables. */
  private record Lookups(Map<String, List<AffectedRecord>> rows, Map<AffectedRecord, AffectedRecord> completed) {}

  private List<RecordMatch> recordMatches(InventoryPackage pkg, Optional<OsRelease> os, Lookups cache,
      List<String> problems) {
    Optional<PackageMatcher> matcher = matchers.stream().filter(m -> m.handles(pkg)).findFirst();
    if (matcher.isEmpty()) {
      return List.of();
    }
    List<RecordMatch> matches = new ArrayList<>();
    for (PackageQuery query : matcher.get().queries(pkg, os)) {
      // Binary packages of one source ask the same question: ask the database once.
      List<AffectedRecord> rows = cache.rows().computeIfAbsent(query.ecosystemKey() + "\u0000" + query.name(),
          k -> db.affectedRows(query.ecosystemKey(), query.name()));
      for (AffectedRecord row : rows) {
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
