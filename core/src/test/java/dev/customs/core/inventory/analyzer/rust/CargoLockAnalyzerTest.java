package dev.customs.core.inventory.analyzer.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.LangFixtures;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CargoLockAnalyzerTest {
  private final CargoLockAnalyzer analyzer = new CargoLockAnalyzer();

  static List<Path> cases() {
    return LangFixtures.cases("rust");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsEveryPackageOfTheLock(Path caseDir) throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "app/Cargo.lock", caseDir.resolve("Cargo.lock"));

    assertThat(result.problems).isEmpty();
    assertThat(result.packages).allMatch(p -> p.ecosystem() == Ecosystem.CARGO);
    assertThat(result.nameVersions()).containsExactlyElementsOf(LangFixtures.expected(caseDir, "expected.tsv", "crates.io"));
    assertThat(result.packages).hasSize(result.nameVersions().size());
  }

  @Test
  void keepsTheSourceOfRegistryCratesOnly() throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "Cargo.lock", """
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"

        [[package]]
        name = "libc"
        version = "0.2.140"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(result.packages).containsExactly(Package.of(Ecosystem.CARGO, "app", "0.1.0", "Cargo.lock"),
        Package.of(Ecosystem.CARGO, "libc", "0.2.140", "Cargo.lock")
            .withProperties(Map.of("source", "registry+https://github.com/rust-lang/crates.io-index")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unterminated string   | '[[package]]\nname = "libc\nversion = "1"\n'                    | not valid TOML
      duplicate key         | 'version = 3\nversion = 4\n'                                      | not valid TOML
      package not tables    | 'package = "libc"\n'                                              | not an array of tables
      package without name  | '[[package]]\nversion = "1.0.0"\n[[package]]\nname = "ok"\nversion = "2"\n' | has no name
      """)
  void malformedLocksAreProblemsNamingTheFile(String name, String content, String reason) throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "src/app/Cargo.lock",
        content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(result.problems).singleElement().asString().contains("src/app/Cargo.lock").contains(reason);
    assertThat(result.packages).allMatch(p -> p.name().equals("ok"));
  }

  @Test
  void deeplyNestedValuesAreAProblemNotAStackOverflow() throws Exception {
    for (String nested : List.of("x = " + "[".repeat(200_000), "x = " + "{a = ".repeat(200_000))) {
      RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "Cargo.lock", nested.getBytes(StandardCharsets.UTF_8));
      assertThat(result.problems).singleElement().asString().contains("not valid TOML");
    }
  }

  @Test
  void wantsLockFilesByName() {
    assertThat(analyzer.wants(RecordedAnalysis.entry("srv/app/Cargo.lock", 1000, 0644))).isTrue();
    assertThat(analyzer.wants(RecordedAnalysis.entry("srv/app/Cargo.toml", 1000, 0644))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("srv/app/Cargo.lock", CargoLockAnalyzer.MAX_SIZE + 1, 0644)))
        .isFalse();
  }
}
