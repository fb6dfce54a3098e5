package dev.customs.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformSelectorTest {
  private static final List<String> INDEX = List.of("unknown/unknown", "linux/arm/v6", "linux/arm/v7", "linux/arm64",
      "linux/amd64", "windows/amd64");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "default, linux/amd64",
      "linux/amd64, linux/amd64",
      "linux/arm64, linux/arm64",
      "linux/arm64/v8, linux/arm64",
      "linux/arm, linux/arm/v6",
      "linux/arm/v7, linux/arm/v7",
      "windows/amd64, windows/amd64"})
  void choosesTheFirstSatisfyingEntry(String requested, String expected) throws ImageSourceException {
    PlatformSelector selector = new PlatformSelector(
        requested.equals("default") ? Optional.empty() : Optional.of(Platform.parse(requested)));
    assertThat(selector.select(INDEX, s -> Optional.of(Platform.parse(s)), "test index")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"linux/s390x", "linux/arm/v5"})
  void namesTheAvailablePlatformsWhenNoneMatches(String requested) {
    PlatformSelector selector = new PlatformSelector(Optional.of(Platform.parse(requested)));
    assertThatThrownBy(() -> selector.select(List.of("linux/amd64", ""),
        s -> s.isEmpty() ? Optional.empty() : Optional.of(Platform.parse(s)), "index X"))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage("no " + requested + " image in index X; it has: linux/amd64, (no platform)");
  }
}
