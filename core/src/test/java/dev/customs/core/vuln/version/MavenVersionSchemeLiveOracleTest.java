package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.version.VersionOracle.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/** The Maven scheme against Maven's own {@link ComparableVersion}, run live (a test dependency). */
class MavenVersionSchemeLiveOracleTest {
  private static final String[] PIECES = {
      "0", "1", "2", "10", "007", "2147483648", "99999999999999999999", "a", "b", "m", "alpha", "beta",
      "milestone", "rc", "cr", "snapshot", "ga", "final", "release", "sp", "foo", "x", "RC", "Final", ""};
  private static final String[] SEPARATORS = {".", "-", "", ".", "-"};

  private final MavenVersionScheme scheme = new MavenVersionScheme();

  @Test
  void agreesWithComparableVersionOnTheRecordedCorpus() {
    List<Answer> answers = VersionOracle.load("maven").answers();
    List<String> mismatches = new ArrayList<>();
    for (Answer answer : answers) {
      int expected = Integer.signum(new ComparableVersion(answer.a()).compareTo(new ComparableVersion(answer.b())));
      if (Integer.signum(scheme.compare(answer.a(), answer.b())) != expected) {
        mismatches.add(answer.a() + " <=> " + answer.b() + " should be " + expected);
      }
    }
    assertThat(answers).hasSizeGreaterThan(1000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void agreesWithComparableVersionOnGeneratedVersions() {
    Random random = new Random(440);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String a = randomVersion(random);
      String b = randomVersion(random);
      int expected = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
      if (Integer.signum(scheme.compare(a, b)) != expected) {
        mismatches.add(a + " <=> " + b + " should be " + expected);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /**
   * ComparableVersion is not transitive on some odd strings; the scheme gives the same answers,
   * cycle included, rather than an order of its own that would disagree with Maven.
   */
  @Test
  void repeatsComparableVersionsCycle() {
    String[] cycle = {".", "a", "0RC"};
    for (int i = 0; i < cycle.length; i++) {
      String a = cycle[i];
      String b = cycle[(i + 1) % cycle.length];
      assertThat(new ComparableVersion(a).compareTo(new ComparableVersion(b))).as("Maven: %s < %s", a, b).isNegative();
      assertThat(scheme.compare(a, b)).as("scheme: %s < %s", a, b).isNegative();
    }
  }

  /** Numbers, qualifiers and separators in random order: the nesting rules get a workout. */
  private static String randomVersion(Random random) {
    StringBuilder version = new StringBuilder(PIECES[random.nextInt(4)]);
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(PIECES[random.nextInt(PIECES.length)]);
    }
    return version.isEmpty() ? "0" : version.toString();
  }
}
