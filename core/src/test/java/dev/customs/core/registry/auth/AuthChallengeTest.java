package dev.customs.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void bearerChallengeFromTheDistributionSpec() throws IOException {
    String header = Files.readAllLines(TestData.testdata("registry-api/distribution/auth-challenge-401.http")).stream()
        .filter(l -> l.regionMatches(true, 0, "Www-Authenticate:", 0, 17))
        .findFirst().orElseThrow().substring(17);

    AuthChallenge challenge = AuthChallenge.parse(header).orElseThrow();

    assertThat(challenge.isBearer()).isTrue();
    assertThat(challenge.params()).isEqualTo(Map.of("realm", "https://auth.docker.io/token",
        "service", "registry.docker.io", "scope", "repository:samalba/my-app:pull,push"));
  }

  @Test
  void basicChallengeWithUnquotedAndEscapedValues() {
    AuthChallenge challenge = AuthChallenge.parse("BASIC realm=\"say \\\"hi\\\"\", charset=UTF-8").orElseThrow();
    assertThat(challenge.isBasic()).isTrue();
    assertThat(challenge.params()).isEqualTo(Map.of("realm", "say \"hi\"", "charset", "UTF-8"));
  }

  @Test
  void blankHeaderIsNoChallenge() {
    assertThat(AuthChallenge.parse("  ")).isEmpty();
    assertThat(AuthChallenge.parse(null)).isEmpty();
  }
}
