package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.CvssVector;
import us.springett.cvss.Cvss;

/** Scores CVSS vectors (v2, v3.0, v3.1, v4.0) with cvss-calculator; a stated score is kept as stated. */
final class CvssScorer {
  private CvssScorer() {}

  static CvssScore score(CvssVector v) {
    Double score = v.baseScore() != null ? v.baseScore() : computed(v.vector());
    return new CvssScore(v.source(), v.version(), v.vector(), score, v.type());
  }

  /** The base score of a vector, or null when the calculator cannot read it (it is kept, unscored). */
  static Double computed(String vector) {
    if (vector.isEmpty()) {
      return null;
    }
    try {
      Cvss cvss = Cvss.fromVector(vector);
      return cvss == null ? null : cvss.calculateScore().getBaseScore();
    } catch (RuntimeException e) {
      return null; // MalformedVectorException and friends: a feed's typo must not stop the scan
    }
  }
}
