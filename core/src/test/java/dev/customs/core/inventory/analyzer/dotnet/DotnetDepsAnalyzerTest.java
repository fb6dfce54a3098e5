package dev.customs.core.inventory.analyzer.dotnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.analyzer.LangFixtures;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DotnetDepsAnalyzerTest {
  private final DotnetDepsAnalyzer analyzer = new DotnetDepsAnalyzer();

  static List<Path> cases() {
    return LangFixtures.cases("dotnet");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsThePackageLibraries(Path caseDir) throws Exception {
    Path deps;
    try (Stream<Path> files = Files.list(caseDir)) {
      deps = files.filter(f -> f.getFileName().toString().endsWith(".deps.json")).findFirst().orElseThrow();
    }
    String path = "app/" + deps.getFileName();
    assertThat(analyzer.wants(RecordedAnalysis.entry(path, Files.size(deps), 0644))).isTrue();

    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, path, deps);

    assertThat(result.problems).isEmpty();
    assertThat(result.packages).allMatch(p -> p.ecosystem() == Ecosystem.NUGET && p.paths().equals(List.of(path)));
    assertThat(result.nameVersions()).containsExactlyElementsOf(LangFixtures.expected(caseDir, "expected.tsv", "NuGet"));
    assertThat(result.packages).hasSize(result.nameVersions().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      truncated JSON     | '{"libraries": {"A/1.0": {"type": "package"'                      | not valid JSON
      no libraries       | '{"targets": {}}'                                                 | no 'libraries' object
      libraries an array | '{"libraries": []}'                                               | no 'libraries' object
      key without slash  | '{"libraries": {"Newtonsoft.Json": {"type": "package"}, "Ok/1.0": {"type": "package"}}}' | is not Name/Version
      blank name         | '{"libraries": {" /1.0": {"type": "package"}, "Ok/1.0": {"type": "package"}}}'    | is not Name/Version
      """)
  void malformedFilesAreProblemsNamingTheFile(String name, String content, String reason) throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "app/App.deps.json",
        content.getBytes(StandardCharsets.UTF_8));
    assertThat(result.problems).singleElement().asString().contains("app/App.deps.json").contains(reason);
    assertThat(result.packages).allMatch(p -> p.name().equals("Ok"));
  }

  @Test
  void wantsDepsFilesOnly() {
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/App.runtimeconfig.json", 100, 0644))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/App.deps.json", DotnetDepsAnalyzer.MAX_SIZE + 1, 0644)))
        .isFalse();
  }
}
