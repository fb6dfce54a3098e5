package dev.customs.core.inventory.analyzer.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.AnalyzerInputs;
import dev.customs.core.inventory.analyzer.PackageTriples;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NpmPackageAnalyzerTest {
  private final NpmPackageAnalyzer analyzer = new NpmPackageAnalyzer();

  static Stream<String> fixtureCases() {
    return Stream.of("package-lock-v1", "package-lock-v2", "package-lock-v3", "yarn-v1", "yarn-berry",
        "pnpm-v5.3", "pnpm-v6", "pnpm-v9");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureCases")
  void reportsExactlyTheExpectedPackagesOfEachLockFile(String fixture) throws IOException {
    Path dir = TestData.testdata("langfixtures/npm/" + fixture);
    RecordedAnalysis sink = new RecordedAnalysis();
    for (AnalyzerInput input : AnalyzerInputs.filesOf(dir)) {
      assertThat(analyzer.wants(input.entry())).as(input.path()).isTrue();
      analyzer.analyze(input, sink);
    }
    assertThat(sink.problems).isEmpty();
    assertThat(sink.triples()).containsExactlyElementsOf(PackageTriples.read(dir.resolve("expected.tsv")));
    assertThat(sink.packages).allSatisfy(p -> assertThat(p.paths()).singleElement().asString().startsWith(fixture + "/"));
  }

  @ParameterizedTest(name = "{0} wanted: {1}")
  @CsvSource({
      "app/node/package.json, true",
      "app/node/node_modules/express/package.json, true",
      "app/node/node_modules/@types/node/package.json, true",
      "app/node/node_modules/send/node_modules/ms/package.json, true",
      "app/node/node_modules/resolve/test/fixtures/package.json, false",
      "app/node/node_modules/@scope/pkg/lib/package.json, false",
      "app/node/package-lock.json, true",
      "app/node/node_modules/.package-lock.json, false",
      "app/node/node_modules/some-lib/package-lock.json, false",
      "srv/yarn.lock, true",
      "srv/pnpm-lock.yaml, true",
      "srv/package.json.bak, false",
  })
  void wantsPackageManifestsAndLockFiles(String path, boolean wanted) {
    assertThat(analyzer.wants(AnalyzerInputs.file(path, 10))).isEqualTo(wanted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "string            | {\"name\":\"a\",\"version\":\"1.0.0\",\"license\":\"MIT\"}                               | MIT",
      "expression        | {\"name\":\"a\",\"version\":\"1.0.0\",\"license\":\"(MIT OR Apache-2.0)\"}               | (MIT OR Apache-2.0)",
      "legacy object     | {\"name\":\"a\",\"version\":\"1.0.0\",\"license\":{\"type\":\"ISC\",\"url\":\"x\"}}      | ISC",
      "legacy array      | {\"name\":\"a\",\"version\":\"1.0.0\",\"licenses\":[{\"type\":\"MIT\"},{\"type\":\"GPL-2.0\"}]} | MIT;GPL-2.0",
      "both forms, same  | {\"name\":\"a\",\"version\":\"1.0.0\",\"license\":\"MIT\",\"licenses\":[{\"type\":\"MIT\"}]} | MIT",
      "none              | {\"name\":\"a\",\"version\":\"1.0.0\"}                                                   | ''",
  })
  void readsLicensesOfPackageJson(String label, String json, String licenses) {
    RecordedAnalysis sink = analyze("x/node_modules/a/package.json", json);
    List<String> expected = licenses.isEmpty() ? List.of() : List.of(licenses.split(";"));
    assertThat(sink.packages).singleElement().satisfies(p -> {
      assertThat(p.licenses()).containsExactlyElementsOf(expected);
      assertThat(p.properties()).containsEntry("identified-by", "package.json");
    });
  }

  @Test
  void keepsTheScopeInTheName() {
    RecordedAnalysis sink = analyze("n/node_modules/@babel/core/package.json",
        "{\"name\":\"@babel/core\",\"version\":\"7.24.0\"}");
    assertThat(sink.triples()).containsExactly("npm\t@babel/core\t7.24.0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "private app without version | {\"name\":\"app\",\"private\":true}",
      "module type marker          | {\"type\":\"module\"}",
      "name not a string           | {\"name\":{\"x\":1},\"version\":\"1.0.0\"}",
  })
  void aPackageJsonWithoutNameAndVersionIsNoPackageAndNoProblem(String label, String json) {
    RecordedAnalysis sink = analyze("srv/package.json", json);
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated package.json   | srv/node_modules/a/package.json | {\"name\":\"a\",\"vers",
      "array package.json       | srv/node_modules/a/package.json | [1,2]",
      "empty package-lock.json  | srv/package-lock.json           | ''",
      "bad package-lock.json    | srv/package-lock.json           | {\"packages\": {\"node_modules/a\": {\"version\": 1",
      "yarn entry no version    | srv/yarn.lock                   | a@^1.0.0:\\n  resolved \"x\"\\n",
      "yarn indented first line | srv/yarn.lock                   | '  version \"1.0.0\"'",
      "pnpm not YAML mapping    | srv/pnpm-lock.yaml              | - just\\n- a list",
      "pnpm broken YAML         | srv/pnpm-lock.yaml              | 'packages: {/a@1.0.0: [unclosed'",
  })
  void aMalformedFileIsAProblemNamingTheFile(String label, String path, String content) {
    RecordedAnalysis sink = analyze(path, content.replace("\\n", "\n"));
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString().startsWith(path + ": malformed ");
  }

  /** Jackson reads YAML as events and never expands aliases: 10^10 nodes cost nothing. */
  @Test
  @Timeout(10)
  void yamlAliasBombIsNotExpanded() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(("*" + prev + ", ").repeat(9)).append('*').append(prev).append("]\n");
    }
    yaml.append("lockfileVersion: '6.0'\npackages:\n  /a@1.0.0: {}\n");
    RecordedAnalysis sink = analyze("srv/pnpm-lock.yaml", yaml.toString());
    assertThat(sink.problems).isEmpty();
    assertThat(sink.triples()).containsExactly("npm\ta\t1.0.0");
  }

  @Test
  void lockFilePackagesGiveWayToInstalledOnesOfTheSameDirectoryOnly() {
    Package installed = npm("ms", "2.0.0", "app/node_modules/ms/package.json", "package.json");
    Package lockedBesideInstalled = npm("ms", "2.0.0", "app/package-lock.json", "package-lock.json");
    Package skippedOptional = npm("fsevents", "2.3.2", "app/package-lock.json", "package-lock.json");
    Package lockOnly = npm("left-pad", "1.3.0", "other/yarn.lock", "yarn.lock");
    Package project = npm("app", "1.0.0", "app/package.json", "package.json");
    Package notNpm = Package.of(Ecosystem.PYPI, "ms", "2.0.0", "app/package-lock.json");

    List<Package> kept = InstalledNpmPackages.preferInstalled(
        List.of(installed, lockedBesideInstalled, skippedOptional, lockOnly, project, notNpm));

    assertThat(kept).containsExactly(installed, lockOnly, project, notNpm);
  }

  private static Package npm(String name, String version, String path, String identifiedBy) {
    return Package.of(Ecosystem.NPM, name, version, path).withProperties(Map.of("identified-by", identifiedBy));
  }

  private RecordedAnalysis analyze(String path, String content) {
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(AnalyzerInputs.of(path, content), sink);
    return sink;
  }
}
