package dev.customs.core.inventory.analyzer.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.analyzer.LangFixtures;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComposerAnalyzersTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("composer-lock", new ComposerLockAnalyzer(), "composer.lock"),
        Arguments.of("installed-json-v1", new ComposerInstalledAnalyzer(), "vendor/composer/installed.json"),
        Arguments.of("installed-json-v2", new ComposerInstalledAnalyzer(), "vendor/composer/installed.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void separatesDevelopmentPackages(String name, PackageAnalyzer analyzer, String file) throws Exception {
    Path caseDir = TestData.testdata("langfixtures/php/" + name);
    String path = "var/www/" + file;
    assertThat(analyzer.wants(RecordedAnalysis.entry(path, Files.size(caseDir.resolve(file)), 0644))).isTrue();

    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, path, caseDir.resolve(file));

    assertThat(result.problems).isEmpty();
    assertThat(result.packages).allMatch(p -> p.ecosystem() == Ecosystem.COMPOSER && !p.licenses().isEmpty());
    TreeSet<String> prod = new TreeSet<>();
    TreeSet<String> dev = new TreeSet<>();
    result.packages.forEach(p -> ("true".equals(p.properties().get("dev")) ? dev : prod).add(p.name() + "\t" + p.version()));
    assertThat(prod).containsExactlyElementsOf(LangFixtures.expected(caseDir, "expected.tsv", "Packagist"));
    assertThat(dev).containsExactlyElementsOf(LangFixtures.expected(caseDir, "expected-dev.tsv", "Packagist"));
  }

  @Test
  void readsSingleStringAndOrLicenses() throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(new ComposerLockAnalyzer(), "composer.lock",
        TestData.testdata("langfixtures/php/composer-lock/composer.lock"));
    assertThat(result.packages).filteredOn(p -> p.name().equals("symfony/polyfill-php72"))
        .singleElement().extracting(p -> p.licenses()).isEqualTo(List.of("MIT or BSD-2-Clause"));
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("lock not JSON", new ComposerLockAnalyzer(), "{\"packages\": [", "not valid JSON"),
        Arguments.of("lock an array", new ComposerLockAnalyzer(), "[]", "not a JSON object"),
        Arguments.of("lock packages object", new ComposerLockAnalyzer(), "{\"packages\": {}}", "not an array"),
        Arguments.of("installed nameless", new ComposerInstalledAnalyzer(),
            "[{\"version\": \"1.0\"}, {\"name\": \"ok/ok\", \"version\": \"1\"}]", "without a name"),
        Arguments.of("installed a string", new ComposerInstalledAnalyzer(), "\"x\"", "neither a package array"),
        Arguments.of("installed not JSON", new ComposerInstalledAnalyzer(), "{{", "not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void malformedFilesAreProblemsNamingTheFile(String name, PackageAnalyzer analyzer, String content, String reason)
      throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "srv/vendor/composer/installed.json",
        content.getBytes(StandardCharsets.UTF_8));
    assertThat(result.problems).singleElement().asString().contains("srv/vendor/composer/installed.json")
        .contains(reason);
    assertThat(result.packages).allMatch(p -> p.name().equals("ok/ok"));
  }

  @Test
  void installedJsonIsWantedOnlyInsideVendorComposer() {
    ComposerInstalledAnalyzer analyzer = new ComposerInstalledAnalyzer();
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/vendor/composer/installed.json", 10, 0644))).isTrue();
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/installed.json", 10, 0644))).isFalse();
  }
}
