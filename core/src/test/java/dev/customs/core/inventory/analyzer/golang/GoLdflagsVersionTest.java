package dev.customs.core.inventory.analyzer.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoLdflagsVersionTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      main package                 | -s -w -X main.version=1.2.3                                      | v1.2.3
      equals form, quoted          | -X='main.Version=v2.0.0-rc.1'                                    | v2.0.0-rc.1
      double-quoted pair           | -X "github.com/acme/tool/internal/version.ver=0.9.1" -extldflags -static | v0.9.1
      cmd of the main module wins  | -X example.test/app/cmd/app.Version=3.1.0 -X main.version=9.9.9  | v3.1.0
      known package beats others   | -X github.com/x/y.Version=5.0.0 -X main.version=1.0.0            | v1.0.0
      other package alone          | -X github.com/x/y.Version=5.0.0                                  | v5.0.0
      conflicting values           | -X main.version=1.0.0 -X common.Version=2.0.0                    | none
      not a version variable       | -X main.commit=1.2.3                                             | none
      not semver                   | -X main.version=dev                                              | none
      dangling -X                  | -s -X                                                            | none
      no flags                     | ''                                                               | none
      """)
  void choosesTheStampedVersion(String name, String ldflags, String expected) {
    assertThat(GoLdflagsVersion.of("example.test/app", ldflags).orElse(null)).isEqualTo(expected);
  }
}
