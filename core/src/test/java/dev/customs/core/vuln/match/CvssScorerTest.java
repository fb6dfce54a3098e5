package dev.customs.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.model.CvssVector;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.core.vuln.model.SeverityRating;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scores as FIRST's calculators give them, and the order in which severity sources are trusted. */
class CvssScorerTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5",
      "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
      "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N, 4.7",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3"})
  void scoresEveryCvssVersion(String vector, double score) {
    assertThat(CvssScorer.computed(vector)).isEqualTo(score);
  }

  @Test
  void aStatedScoreIsKeptAndAMalformedVectorIsKeptUnscored() {
    assertThat(CvssScorer.score(new CvssVector("nvd@nist.gov", "3.1", "CVSS:3.1/AV:N", 5.0, "Primary")).baseScore())
        .isEqualTo(5.0);
    assertThat(CvssScorer.score(new CvssVector("ghsa", "3.1", "CVSS:3.1/AV:X/garbage", null, "")).baseScore()).isNull();
  }

  @Test
  void severityComesFromTheDistroThenTheAdvisoryThenNvdThenCvss() {
    SeverityRating debian = new SeverityRating("debian", SeverityLevel.LOW, "low");
    SeverityRating unassigned = new SeverityRating("debian", SeverityLevel.UNKNOWN, "not yet assigned");
    SeverityRating ghsa = new SeverityRating("ghsa", SeverityLevel.HIGH, "HIGH");
    SeverityRating nvd = new SeverityRating("nvd", SeverityLevel.CRITICAL, "CRITICAL");
    List<CvssScore> cvss = List.of(new CvssScore("nvd@nist.gov", "3.1", "v", 5.3, "Primary"));

    assertThat(SeverityChooser.choose(true, List.of(debian, ghsa, nvd), cvss)).isEqualTo(debian);
    assertThat(SeverityChooser.choose(false, List.of(debian, ghsa, nvd), cvss)).isEqualTo(ghsa);
    assertThat(SeverityChooser.choose(true, List.of(unassigned, nvd), cvss)).isEqualTo(nvd);
    assertThat(SeverityChooser.choose(true, List.of(unassigned), cvss))
        .isEqualTo(new SeverityRating("cvss:nvd@nist.gov", SeverityLevel.MEDIUM, "5.3"));
    assertThat(SeverityChooser.choose(true, List.of(), List.of()).level()).isEqualTo(SeverityLevel.UNKNOWN);
  }
}
