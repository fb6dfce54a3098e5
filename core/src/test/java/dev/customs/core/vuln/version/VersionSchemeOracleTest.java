package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.version.VersionOracle.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
    List<String> real = mismatches(scheme, oracle.answers());
    List<String> generated = mismatches(scheme, oracle.generated());
    System.out.printf("%s: %,d real pairs, %d mismatches; %,d generated pairs, %d mismatches%n",
        id, oracle.answers().size(), real.size(), oracle.generated().size(), generated.size());
    assertThat(oracle.answers()).hasSizeGreaterThan(800);
    assertThat(oracle.generated()).hasSizeGreaterThan(200);
    assertThat(real).isEmpty();
    assertThat(generated).isEmpty();
  }

  private static List<String> mismatches(VersionScheme scheme, List<Answer> answers) {
    List<String> mismatches = new ArrayList<>();
    for (Answer answer : answers) {
      int sign = Integer.signum(scheme.compare(answer.a(), answer.b()));
      if (sign != answer.sign()) {
        mismatches.add(answer + " but got " + sign);
      }
    }
    return mismatches;
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
  void swappingThePairFlipsTheSign(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    for (Answer answer : VersionOracle.load(id).all()) {
      assertThat(scheme.compare(answer.b(), answer.a()))
          .as("%s reversed", answer).isEqualTo(-scheme.compare(answer.a(), answer.b()));
    }
  }

  /**
   * Transitivity on real versions: sorted with the scheme, every earlier version compares lower or
   * equal to every later one. Only real versions: on generated junk Maven's own ComparableVersion
   * has cycles ({@link MavenVersionSchemeLiveOracleTest}), which the scheme faithfully repeats.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void ordersTheRealVersionsTransitively(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    List<String> versions = new ArrayList<>(realVersions(VersionOracle.load(id)));
    Collections.shuffle(versions, new Random(7));
    List<String> sorted = new ArrayList<>(versions.subList(0, Math.min(PROPERTY_SAMPLE, versions.size())));
    sorted.sort(scheme::compare);
    for (int i = 0; i < sorted.size(); i++) {
      String a = sorted.get(i);
      assertThat(scheme.compare(a, a)).as("%s == %s", a, a).isZero();
      for (int j = i + 1; j < sorted.size(); j++) {
        assertThat(scheme.compare(a, sorted.get(j))).as("%s sorted before %s", a, sorted.get(j)).isLessThanOrEqualTo(0);
      }
    }
  }

  private static Set<String> realVersions(VersionOracle oracle) {
    Set<String> versions = new LinkedHashSet<>();
    for (Answer answer : oracle.answers()) {
      versions.add(answer.a());
      versions.add(answer.b());
    }
    return versions;
  }
}
