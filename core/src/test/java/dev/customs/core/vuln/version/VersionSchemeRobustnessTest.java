package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input: arbitrary strings built from version characters and worse must either parse or
 * be rejected with {@link InvalidVersionException}, never crash, and a rejected string is
 * rejected by {@link VersionScheme#compare} and {@link VersionScheme#isValid} alike.
 */
class VersionSchemeRobustnessTest {
  private static final String ALPHABET = "0123456789.-_+~^:!=v abcdefprxzAR#*é\t";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deb", "rpm", "apk", "semver", "maven", "pep440", "rubygems", "go", "nuget", "composer"})
  void arbitraryStringsParseOrAreRejectedCleanly(String id) {
    VersionScheme scheme = VersionSchemes.byId(id).orElseThrow();
    Random random = new Random(id.hashCode());
    List<String> crashes = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      String version = randomString(random);
      boolean valid = scheme.isValid(version);
      try {
        int self = scheme.compare(version, version);
        assertThat(valid).as("compare accepted %s but isValid did not", version).isTrue();
        assertThat(self).as("%s == itself", version).isZero();
        scheme.compare(version, "1.0.0");
        accepted++;
      } catch (InvalidVersionException e) {
        assertThat(valid).as("isValid accepted %s but compare did not", version).isFalse();
        assertThat(e.getMessage()).startsWith("invalid " + id + " version \"");
      } catch (RuntimeException e) {
        crashes.add(version + " -> " + e);
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(accepted).as("some random strings are versions").isPositive();
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      // Digits half the time, so that many strings come close to being versions.
      s.append(random.nextBoolean() ? (char) ('0' + random.nextInt(10)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
