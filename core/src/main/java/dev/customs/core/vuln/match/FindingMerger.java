package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.AffectedRecord;
import dev.customs.core.vuln.model.AffectedStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the records found for one package into one {@link MergedMatch} per vulnerability:
 * <ol>
 *   <li>records sharing an id or alias (CVE ↔ GHSA ↔ PYSEC…) are one vulnerability;</li>
 *   <li>within it, the most authoritative feed present decides alone: the distro's own tracker
 *       (debian-tracker, alpine-secdb), then OSV, then RubySec. A distro saying "not affected"
 *       therefore suppresses what another feed says;</li>
 *   <li>a {@code NOT_AFFECTED} record of the deciding feed suppresses the vulnerability; otherwise
 *       it is reported when any deciding record contains the installed version, with every
 *       status kept (unfixed, won't fix, end of life);</li>
 *   <li>an advisory (DSA, DLA, ALSA…) whose related CVEs are all reported for the package is
 *       folded into those findings as an extra id instead of being a finding of its own.</li>
 * </ol>
 */
final class FindingMerger {
  private static final List<String> FEED_ORDER = List.of("debian-tracker", "alpine-secdb", "osv", "rubysec");

  private FindingMerger() {}

  static List<MergedMatch> merge(List<RecordMatch> matches) {
    List<MergedMatch> merged = new ArrayList<>();
    for (List<RecordMatch> group : groupByAlias(matches)) {
      decide(group).ifPresent(merged::add);
    }
    return foldAdvisories(merged);
  }

  private static Optional<MergedMatch> decide(List<RecordMatch> group) {
    int best = group.stream().mapToInt(m -> rank(m.record().feed())).min().orElseThrow();
    List<RecordMatch> deciding = group.stream().filter(m -> rank(m.record().feed()) == best).toList();
    if (deciding.stream().anyMatch(m -> m.record().status() == AffectedStatus.NOT_AFFECTED)) {
      return Optional.empty();
    }
    List<RecordMatch> affecting = deciding.stream().filter(RecordMatch::affects).toList();
    if (affecting.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = new TreeSet<>();
    group.forEach(m -> {
      ids.add(m.record().vulnerabilityId());
      ids.addAll(m.record().aliases());
    });
    String primary = primaryId(ids, affecting.getFirst().record().vulnerabilityId());
    ids.remove(primary);
    List<String> fixes = fixedVersions(affecting);
    return Optional.of(new MergedMatch(primary, List.copyOf(ids), affecting, status(affecting, fixes), fixes));
  }

  private static List<String> fixedVersions(List<RecordMatch> affecting) {
    Set<String> fixes = new TreeSet<>();
    for (RecordMatch m : affecting) {
      // A fix the image cannot install from its own sources (Ubuntu Pro) does not make it fixable.
      if (m.record().status() != AffectedStatus.FIXED || !m.query().fixesAvailable()) {
        continue;
      }
      for (String fix : RecordEvaluator.fixesOf(m.record())) {
        // Only fixes above the installed version help (a range lists the fixes of every branch).
        var scheme = m.query().scheme();
        if (!scheme.isValid(fix) || !scheme.isValid(m.query().version()) || scheme.compare(m.query().version(), fix) < 0) {
          fixes.add(fix);
        }
      }
    }
    return List.copyOf(fixes);
  }

  private static FindingStatus status(List<RecordMatch> affecting, List<String> fixes) {
    if (!fixes.isEmpty()) {
      return FindingStatus.FIXED;
    }
    return switch (affecting.getFirst().record().status()) {
      case WONT_FIX -> FindingStatus.WONT_FIX;
      case EOL -> FindingStatus.EOL;
      case UNDETERMINED -> FindingStatus.UNDETERMINED;
      default -> FindingStatus.UNFIXED;
    };
  }

  /** The CVE when there is one (what people search for), else a GHSA, else the record's own id. */
  private static String primaryId(Set<String> ids, String recordId) {
    return ids.stream().filter(i -> i.startsWith("CVE-")).findFirst()
        .or(() -> ids.stream().filter(i -> i.startsWith("GHSA-")).findFirst())
        .orElse(recordId);
  }

  private static int rank(String feed) {
    int i = FEED_ORDER.indexOf(feed);
    return i < 0 ? FEED_ORDER.size() : i;
  }

  /**
   * The connected components of the "shares an id" relation that hold a record affecting the
   * installed version, in first-seen order: the others cannot become a finding ({@link #decide}
   * drops them), and they are most of a package's records (fixed below the installed version, with
   * no aliases). Only ids of records with aliases and of affecting records enter the union-find; a
   * record whose id is not among them is in no group with an affecting record.
   */
  private static List<List<RecordMatch>> groupByAlias(List<RecordMatch> matches) {
    Map<String, String> parent = new HashMap<>();
    for (RecordMatch m : matches) {
      String id = m.record().vulnerabilityId();
      for (String alias : m.record().aliases()) {
        union(parent, id, alias);
      }
    }
    // Finding an affecting record's root also enters its id when it has no aliases.
    Set<String> affectedRoots = new HashSet<>();
    for (RecordMatch m : matches) {
      if (m.affects()) {
        affectedRoots.add(find(parent, m.record().vulnerabilityId()));
      }
    }
    Map<String, List<RecordMatch>> groups = new LinkedHashMap<>();
    for (RecordMatch m : matches) {
      String id = m.record().vulnerabilityId();
      String root = parent.containsKey(id) ? find(parent, id) : null;
      if (affectedRoots.contains(root)) {
        groups.computeIfAbsent(root, k -> new ArrayList<>()).add(m);
      }
    }
    groups.values().forEach(g -> g.sort(Comparator.comparingInt(m -> rank(m.record().feed()))));
    return List.copyOf(groups.values());
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.getOrDefault(root, root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(id, root);
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(rb, ra);
    }
  }

  private static List<MergedMatch> foldAdvisories(List<MergedMatch> merged) {
    List<MergedMatch> result = new ArrayList<>(merged);
    for (MergedMatch advisory : merged) {
      AffectedRecord record = advisory.records().getFirst().record();
      if (advisory.id().startsWith("CVE-") || record.related().isEmpty()) {
        continue;
      }
      List<MergedMatch> targets = result.stream().filter(m -> m != advisory
          && record.related().stream().anyMatch(r -> m.id().equals(r) || m.aliases().contains(r))).toList();
      boolean allCovered = record.related().stream()
          .allMatch(r -> targets.stream().anyMatch(m -> m.id().equals(r) || m.aliases().contains(r)));
      if (!allCovered) {
        continue;
      }
      result.remove(advisory);
      for (MergedMatch target : targets) {
        Set<String> aliases = new TreeSet<>(target.aliases());
        aliases.add(advisory.id());
        aliases.addAll(advisory.aliases());
        result.set(result.indexOf(target), new MergedMatch(target.id(), List.copyOf(aliases), target.records(),
            target.status(), target.fixedVersions()));
      }
    }
    return result;
  }
}
