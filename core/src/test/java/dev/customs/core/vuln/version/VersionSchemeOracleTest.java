package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.version.VersionOracle.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every scheme against the recorded answers of its real tool (see {@link VersionOracle}), plus
 * order properties on the same real versions.
 */
class VersionSchemeOracleTest {
  private static final int PROPERTY_SAMPLE = 1200;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void everyRecordedPairGetsTheToolsSign(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    VersionOracle oracle = VersionOracle.load(id);
    List<String> mismatches = new ArrayList<>();
    for (Answer answer : oracle.answers()) {
      int sign = Integer.signum(scheme.compare(answer.a(), answer.b()));
      if (sign != answer.sign()) {
        mismatches.add(answer + " but got " + sign);
      }
    }
    System.out.printf("%s: %,d pairs, %d mismatches%n", id, oracle.answers().size(), mismatches.size());
    assertThat(oracle.answers()).hasSizeGreaterThan(200);
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void rejectsWhatTheToolRejectsAndAcceptsTheRest(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    VersionOracle oracle = VersionOracle.load(id);
    assertThat(oracle.versions()).allMatch(scheme::isValid, "valid in " + id);
    for (String version : oracle.invalid()) {
      assertThat(scheme.isValid(version)).as("%s rejects %s", id, version).isFalse();
      assertThatThrownBy(() -> scheme.compare(version, version))
          .isInstanceOf(InvalidVersionException.class)
          .hasMessageContaining(version);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void ordersTheCorpusConsistently(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    List<String> versions = new ArrayList<>(VersionOracle.load(id).versions());
    Collections.shuffle(versions, new Random(7));
    List<String> sorted = new ArrayList<>(versions.subList(0, Math.min(PROPERTY_SAMPLE, versions.size())));
    sorted.sort(scheme::compare);
    // Antisymmetry and reflexivity on every pair; transitivity: a sorted list is ordered pairwise.
    for (int i = 0; i < sorted.size(); i++) {
      String a = sorted.get(i);
      assertThat(scheme.compare(a, a)).as("%s == %s", a, a).isZero();
      for (int j = i + 1; j < sorted.size(); j++) {
        String b = sorted.get(j);
        int ab = Integer.signum(scheme.compare(a, b));
        assertThat(ab).as("%s sorted before %s", a, b).isLessThanOrEqualTo(0);
        assertThat(Integer.signum(scheme.compare(b, a))).as("%s vs %s reversed", b, a).isEqualTo(-ab);
      }
    }
  }
}
