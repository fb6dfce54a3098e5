package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(400));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "7|7000",
      "0|0",
      "Sun, 22 Nov 2026 10:00:30 GMT|30000",
      "Sun, 22 Nov 2026 09:59:00 GMT|0",
      "99999|120000"})
  void retryAfterIsHonouredUpToTwoMinutes(String header, long millis) {
    assertThat(policy.delay(1, Optional.of(header), NOW)).isEqualTo(Duration.ofMillis(millis));
  }

  @RepeatedTest(20)
  void backoffDoublesWithJitterInTheUpperHalf() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long full = 400L << (attempt - 1);
      assertThat(policy.delay(attempt, Optional.of("soon"), NOW).toMillis()).isBetween(full / 2, full);
    }
  }

  @Test
  void onlyRateLimitsAndServerErrorsAreRetried() {
    assertThat(RetryPolicy.retryableStatus(429)).isTrue();
    assertThat(RetryPolicy.retryableStatus(503)).isTrue();
    assertThat(RetryPolicy.retryableStatus(404)).isFalse();
    assertThat(RetryPolicy.retryableStatus(401)).isFalse();
    assertThat(RetryPolicy.retryableStatus(501)).isFalse();
  }
}
