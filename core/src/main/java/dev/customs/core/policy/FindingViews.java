package dev.customs.core.policy;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.vuln.match.CvssScore;
import dev.customs.core.vuln.match.DistroCoverage;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.model.EpssScore;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Turns what matching found into what policies judge. */
public final class FindingViews {
  private FindingViews() {}

  public static List<VulnerabilityView> of(List<Finding> findings) {
    return findings.stream().map(FindingViews::of).toList();
  }

  public static VulnerabilityView of(Finding f) {
    InventoryPackage p = f.pkg();
    return new VulnerabilityView(f.id(), f.aliases(), p.pkg().name(), p.pkg().ecosystem(), f.installedVersion(),
        p.purl(), Optional.of(p.layerDiffId()), f.severity().level(), highest(f.cvss(), "3"), highest(f.cvss(), "4"),
        f.fixedVersions(), VulnerabilityView.FixStatus.valueOf(f.status().name()), f.kev().isPresent(),
        f.epss().map(EpssScore::score),
        Optional.ofNullable(f.published()).map(i -> i.atZone(ZoneOffset.UTC).toLocalDate()), Optional.empty());
  }

  /** The database's age, the distro's coverage and the advisories matching could not compare. */
  public static VulnDataFacts facts(MatchResult result) {
    return new VulnDataFacts(result.database().builtAt(), result.distro().map(DistroCoverage::covered),
        result.problems());
  }

  /** The highest base score of a CVSS major version among all assessments of all ids. */
  private static Optional<Double> highest(List<CvssScore> scores, String major) {
    return scores.stream().filter(s -> s.version().startsWith(major)).map(CvssScore::baseScore)
        .filter(Objects::nonNull).max(Double::compare);
  }
}
