package dev.customs.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"5m, PT5M", "30s, PT30S", "5m0s, PT5M", "1h30m, PT1H30M", "1500ms, PT1.5S", "0.5s, PT0.5S",
      "2H, PT2H", "1h2m3s, PT1H2M3S"})
  void readsGoDurations(String text, Duration expected) {
    assertThat(DurationConverter.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"5", "", "m", "five minutes", "-1s", "1d", "0s", "PT5M"})
  void refusesWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
