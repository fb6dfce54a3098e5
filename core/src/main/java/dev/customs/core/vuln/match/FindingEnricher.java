package dev.customs.core.vuln.match;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityRating;
import dev.customs.core.vuln.model.VulnDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes a {@link MergedMatch} into a {@link Finding} with what the database knows about each
 * of its ids: text, dates, references, CWEs, CVSS (scored), KEV and EPSS; NVD only enriches here.
 * Lookups are cached per id and per set of ids, so one vulnerability shared by many packages is
 * read and assembled once. Not thread-safe: one enricher per matching run.
 */
final class FindingEnricher {
  private final VulnDb db;
  private final Map<String, Optional<VulnDetails>> details = new HashMap<>();
  private final Map<String, Optional<KevEntry>> kev = new HashMap<>();
  private final Map<String, Optional<EpssScore>> epss = new HashMap<>();
  private final Map<CvssVector, CvssScore> scores = new HashMap<>();
  private final Map<List<String>, Known> byIds = new HashMap<>();

  FindingEnricher(VulnDb db) {
    this.db = db;
  }

  /**
   * Reads what the database knows about the ids of many matches at once (one query per table for
   * a few hundred ids, not seven per id), so that {@link #enrich} finds it here.
   */
  void prefetch(List<MergedMatch> matches) {
    Set<String> ids = new LinkedHashSet<>();
    matches.forEach(m -> ids.addAll(ids(m)));
    ids.removeAll(details.keySet());
    details.putAll(db.details(ids));
    List<String> cves = ids.stream().filter(FindingEnricher::isCve).toList();
    kev.putAll(db.kev(cves));
    epss.putAll(db.epss(cves));
  }

  Finding enrich(InventoryPackage pkg, MergedMatch match) {
    List<String> ids = ids(match);
    // The binaries of one source, and copies of a library, share their vulnerabilities: what the
    // database says about one set of ids is gathered once per run.
    Known known = byIds.computeIfAbsent(ids, this::known);
    List<SeverityRating> ratings = new ArrayList<>();
    match.records().forEach(r -> ratings.addAll(r.record().severities()));
    ratings.addAll(known.severities());
    boolean distro = match.records().getFirst().query().distro();
    return new Finding(match.id(), match.aliases(), pkg, pkg.pkg().version(), match.fixedVersions(), match.status(),
        SeverityChooser.choose(distro, ratings, known.cvss()), known.cvss(), known.kev(), known.epss(),
        known.published(), known.summary(), known.description(), known.cwes(), known.references(),
        match.records().stream().map(RecordMatch::evidence).toList());
  }

  private static List<String> ids(MergedMatch match) {
    List<String> ids = new ArrayList<>();
    ids.add(match.id());
    ids.addAll(match.aliases());
    return ids;
  }

  private static boolean isCve(String id) {
    return id.startsWith("CVE-");
  }

  /** What the database knows about one set of ids (a finding's id and aliases). */
  private record Known(List<SeverityRating> severities, List<CvssScore> cvss, Optional<KevEntry> kev,
      Optional<EpssScore> epss, Instant published, String summary, String description, List<String> cwes,
      List<Reference> references) {}

  private Known known(List<String> ids) {
    List<VulnDetails> known = ids.stream().map(this::details).flatMap(Optional::stream).toList();
    List<SeverityRating> severities = new ArrayList<>();
    known.forEach(d -> severities.addAll(d.severities()));
    List<String> cves = ids.stream().filter(FindingEnricher::isCve).toList();
    Optional<KevEntry> kevEntry = cves.stream().map(this::kev).flatMap(Optional::stream).findFirst();
    Optional<EpssScore> epssScore = cves.stream().map(this::epss).flatMap(Optional::stream)
        .max(Comparator.comparingDouble(EpssScore::score));
    Instant published = known.stream().map(VulnDetails::published).filter(p -> p != null).min(Comparator.naturalOrder())
        .orElse(null);
    VulnDetails main = known.stream().filter(d -> d.id().equals(ids.getFirst())).findFirst()
        .orElse(known.isEmpty() ? null : known.getFirst());
    return new Known(List.copyOf(severities), cvss(known), kevEntry, epssScore, published, text(known, main, true),
        text(known, main, false), cwes(known), List.copyOf(references(known)));
  }

  private static String text(List<VulnDetails> known, VulnDetails main, boolean summary) {
    List<VulnDetails> order = new ArrayList<>();
    if (main != null) {
      order.add(main);
    }
    order.addAll(known);
    return order.stream().map(d -> summary ? d.summary() : d.description())
        .filter(t -> t != null && !t.isBlank()).findFirst().orElse("");
  }

  private List<CvssScore> cvss(List<VulnDetails> known) {
    Set<CvssVector> seen = new LinkedHashSet<>();
    known.forEach(d -> seen.addAll(d.cvss()));
    // A vulnerability shared by many packages is scored once.
    return seen.stream().map(v -> scores.computeIfAbsent(v, CvssScorer::score)).toList();
  }

  private static List<String> cwes(List<VulnDetails> known) {
    Set<String> cwes = new TreeSet<>();
    known.forEach(d -> cwes.addAll(d.cwes()));
    return List.copyOf(cwes);
  }

  private static List<Reference> references(List<VulnDetails> known) {
    Set<String> urls = new HashSet<>();
    List<Reference> refs = new ArrayList<>();
    known.forEach(d -> d.references().stream().filter(r -> urls.add(r.url())).forEach(refs::add));
    return refs;
  }

  private Optional<VulnDetails> details(String id) {
    return details.computeIfAbsent(id, db::details);
  }

  private Optional<KevEntry> kev(String cve) {
    return kev.computeIfAbsent(cve, db::kev);
  }

  private Optional<EpssScore> epss(String cve) {
    return epss.computeIfAbsent(cve, db::epss);
  }
}
