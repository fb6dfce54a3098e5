package dev.customs.core.vuln.model;

import java.util.Objects;

/**
 * One CVSS assessment.
 *
 * @param source who scored it: {@code nvd@nist.gov}, a CNA address, {@code ghsa}, {@code debian}…
 * @param version {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the vector string, or empty when the source gives only a score (ruby-advisory-db)
 * @param baseScore the base score when the source states it, else null (OSV gives vectors only)
 * @param type NVD's {@code Primary}/{@code Secondary}, else empty
 */
public record CvssVector(String source, String version, String vector, Double baseScore, String type) {
  public CvssVector {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    vector = Objects.requireNonNullElse(vector, "");
    type = Objects.requireNonNullElse(type, "");
  }

  /** The CVSS version a vector string declares ({@code CVSS:3.1/…} → {@code 3.1}); bare vectors are 2.0. */
  public static String versionOf(String vector) {
    if (vector.startsWith("CVSS:")) {
      int slash = vector.indexOf('/');
      return vector.substring("CVSS:".length(), slash < 0 ? vector.length() : slash);
    }
    return "2.0";
  }
}
