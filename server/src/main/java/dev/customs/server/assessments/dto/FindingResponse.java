package dev.customs.server.assessments.dto;

import dev.customs.core.policy.VulnerabilityView;
import dev.customs.server.assessments.StoredFinding;
import java.time.LocalDate;
import java.util.List;

/**
 * One vulnerability of one package of an image.
 *
 * @param fixedVersions versions that fix it (empty: no fix known)
 * @param status FIXED, UNFIXED, WONT_FIX, EOL or UNDETERMINED
 * @param knownExploited listed in CISA KEV
 * @param epss the EPSS probability (0 to 1), or null
 * @param layerDiffId the layer that introduced the package
 */
public record FindingResponse(String id, List<String> aliases, String packageName, String ecosystem,
    String installedVersion, List<String> fixedVersions, String status, String severity, Double cvssV3,
    Double cvssV4, boolean knownExploited, Double epss, LocalDate published, String layerDiffId, String purl,
    String title) {

  public static FindingResponse of(StoredFinding f) {
    VulnerabilityView v = f.view();
    return new FindingResponse(v.id(), v.aliases(), v.packageName(), v.ecosystem().purlType(), v.packageVersion(),
        v.fixedVersions(), v.status().name(), v.severity().name(), v.cvssV3().orElse(null), v.cvssV4().orElse(null),
        v.knownExploited(), v.epss().orElse(null), v.published().orElse(null),
        v.layerDiffId().map(Object::toString).orElse(null), v.purl(), f.title());
  }
}
