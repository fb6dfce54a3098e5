package dev.customs.core.inventory.analyzer.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.LangFixtures;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RubyAnalyzersTest {
  private final GemspecAnalyzer gemspecs = new GemspecAnalyzer();
  private final GemfileLockAnalyzer locks = new GemfileLockAnalyzer();

  static List<Path> cases() {
    return LangFixtures.cases("ruby");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsEveryGemOfTheCase(Path caseDir) throws Exception {
    RecordedAnalysis all = new RecordedAnalysis();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(caseDir)) {
      files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tsv")).sorted().toList();
    }
    for (Path file : files) {
      String path = "usr/share/rubygems-integration/all/" + caseDir.relativize(file);
      PackageAnalyzer analyzer = gemspecs.wants(RecordedAnalysis.entry(path, Files.size(file), 0644)) ? gemspecs : locks;
      assertThat(analyzer.wants(RecordedAnalysis.entry(path, Files.size(file), 0644))).as(path).isTrue();
      RecordedAnalysis one = RecordedAnalysis.analyze(analyzer, path, file);
      all.packages.addAll(one.packages);
      all.problems.addAll(one.problems);
    }
    assertThat(all.problems).isEmpty();
    assertThat(all.packages).allMatch(p -> p.ecosystem() == Ecosystem.GEM);
    assertThat(all.nameVersions()).containsExactlyElementsOf(LangFixtures.expected(caseDir, "expected.tsv", "RubyGems"));
    assertThat(all.packages).hasSize(all.nameVersions().size());
  }

  @Test
  void gemspecLicensesAreRead() throws Exception {
    Path puma = LangFixtures.cases("ruby").stream().filter(p -> p.endsWith("debian-gemspecs")).findFirst()
        .orElseThrow().resolve("specifications/puma-5.6.5.gemspec");
    RecordedAnalysis result = RecordedAnalysis.analyze(gemspecs, "specifications/puma-5.6.5.gemspec", puma);
    assertThat(result.packages).singleElement().extracting(Package::licenses).isEqualTo(List.of("BSD-3-Clause"));
  }

  @Test
  void gemspecOldLiteralForms() throws Exception {
    String spec = "Gem::Specification.new do |spec|\n  spec.name = %q{rake}\n  spec.version = '13.0.6'\n"
        + "  spec.license = 'MIT'\nend\n";
    RecordedAnalysis result = RecordedAnalysis.analyze(gemspecs, "specifications/rake-13.0.6.gemspec",
        spec.getBytes(StandardCharsets.UTF_8));
    assertThat(result.packages).containsExactly(
        Package.of(Ecosystem.GEM, "rake", "13.0.6", "specifications/rake-13.0.6.gemspec").withLicenses(List.of("MIT")));
  }

  @Test
  void lockPlatformSuffixBecomesAProperty() throws Exception {
    String lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.13.10-x86_64-linux)\n"
        + "      racc (~> 1.4)\n\nPLATFORMS\n  x86_64-linux\n";
    RecordedAnalysis result = RecordedAnalysis.analyze(locks, "app/Gemfile.lock", lock.getBytes(StandardCharsets.UTF_8));
    assertThat(result.packages).containsExactly(Package.of(Ecosystem.GEM, "nokogiri", "1.13.10", "app/Gemfile.lock")
        .withProperties(Map.of("platform", "x86_64-linux")));
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("gemspec without version", true, "Gem::Specification.new do |s|\n  s.name = \"x\"\nend\n",
            "no literal version"),
        Arguments.of("gemspec not ruby", true, "\u0000\u0001binary", "no literal name"),
        Arguments.of("lock spec without version", false, "GEM\n  specs:\n    rack\n    ok (1.0)\n",
            "expected 'name (version)'"),
        Arguments.of("lock without sections", false, "this is not a lock file\n", "no GEM, GIT or PATH section"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void malformedFilesAreProblemsNamingTheFile(String name, boolean gemspec, String content, String reason)
      throws Exception {
    String path = gemspec ? "var/lib/gems/3.1.0/specifications/x-1.gemspec" : "srv/app/Gemfile.lock";
    RecordedAnalysis result = RecordedAnalysis.analyze(gemspec ? gemspecs : locks, path,
        content.getBytes(StandardCharsets.UTF_8));
    assertThat(result.problems).singleElement().asString().contains(path).contains(reason);
    assertThat(result.packages).allMatch(p -> p.name().equals("ok"));
  }

  @Test
  void gemspecsAreWantedOnlyUnderSpecifications() {
    assertThat(gemspecs.wants(RecordedAnalysis.entry("var/lib/gems/3.1.0/specifications/a-1.gemspec", 10, 0644)))
        .isTrue();
    assertThat(gemspecs.wants(RecordedAnalysis.entry("srv/app/a.gemspec", 10, 0644))).isFalse();
  }
}
