package dev.customs.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafePathTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "ESCAPES", value = {
      "etc/passwd, etc/passwd",
      "/etc/passwd, etc/passwd",
      "./etc/passwd, etc/passwd",
      "etc//ssl/./certs/, etc/ssl/certs",
      "usr/lib/../bin/env, usr/bin/env",
      "./, ''",
      "a/.., ''",
      "a..b/c.., a..b/c..",
      "../etc/passwd, ESCAPES",
      "a/../../etc, ESCAPES",
      "/.., ESCAPES"})
  void normalizesLexically(String raw, String expected) {
    assertThat(SafePath.normalize(raw).orElse(null)).isEqualTo(expected);
    assertThat(SafePath.fastNormalize(raw).orElse(null)).isEqualTo(expected);
  }
}
