package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the severity of a finding: for a distro package the distro's own rating (it knows how the
 * package is built and used), else the advisory's (GHSA, RubySec, Ubuntu…), else NVD's, else the
 * best CVSS score (NVD primary first, newest CVSS version first). Ratings that say nothing
 * (Debian's "not yet assigned") are passed over.
 */
final class SeverityChooser {
  private static final Set<String> DISTROS = Set.of("debian", "ubuntu", "alpine", "redhat", "rhel", "rocky",
      "almalinux", "suse", "sles");
  private static final SeverityRating UNKNOWN = new SeverityRating("none", SeverityLevel.UNKNOWN, "");
  // NVD's primary score first, then the newest CVSS version.
  private static final Comparator<CvssScore> CVSS_PREFERENCE =
      Comparator.comparing((CvssScore c) -> !c.source().equals("nvd@nist.gov"))
          .thenComparing(c -> !c.type().equals("Primary") && !c.type().isEmpty())
          .thenComparing(CvssScore::version, Comparator.reverseOrder());

  private SeverityChooser() {}

  static SeverityRating choose(boolean distroPackage, List<SeverityRating> ratings, List<CvssScore> cvss) {
    List<SeverityRating> known = ratings.stream().filter(r -> r.level() != SeverityLevel.UNKNOWN).toList();
    Optional<SeverityRating> distro = known.stream().filter(r -> DISTROS.contains(r.source())).findFirst();
    if (distroPackage && distro.isPresent()) {
      return distro.get();
    }
    return known.stream().filter(r -> !DISTROS.contains(r.source()) && !r.source().equals("nvd")).findFirst()
        .or(() -> known.stream().filter(r -> r.source().equals("nvd")).findFirst())
        .or(() -> fromCvss(cvss))
        .orElse(UNKNOWN);
  }

  private static Optional<SeverityRating> fromCvss(List<CvssScore> cvss) {
    return cvss.stream().filter(c -> c.baseScore() != null)
        .min(CVSS_PREFERENCE)
        .map(c -> new SeverityRating("cvss:" + c.source(), SeverityLevel.ofCvssScore(c.baseScore()),
            String.valueOf(c.baseScore())));
  }
}
