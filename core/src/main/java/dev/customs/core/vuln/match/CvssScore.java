package dev.customs.core.vuln.match;

import java.util.Objects;

/**
 * One CVSS assessment with its base score: the score the source stated, else the one computed
 * from the vector.
 *
 * @param source who scored it ({@code nvd@nist.gov}, a CNA, {@code ghsa}…)
 * @param version {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the vector string, or empty when the source gave only a score
 * @param baseScore the base score, or null when neither stated nor computable (malformed vector)
 * @param type NVD's {@code Primary}/{@code Secondary}, else empty
 */
public record CvssScore(String source, String version, String vector, Double baseScore, String type) {
  public CvssScore {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    vector = Objects.requireNonNullElse(vector, "");
    type = Objects.requireNonNullElse(type, "");
  }
}
