package dev.customs.core.inventory.analyzer.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.testkit.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoBinaryAnalyzerTest {
  private static Path app;
  private final GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();

  @BeforeAll
  static void buildApp() throws Exception {
    app = GoTestBinaries.appWithModules(TestData.projectRoot().resolve("core/target/go-fixture"));
  }

  static Stream<String> binaries() {
    return Stream.of("/usr/bin/docker-registry", "/usr/bin/skopeo", "app");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void readsWhatGoVersionMPrints(String name) throws Exception {
    Path binary = name.equals("app") ? app : Path.of(name);
    GoBuildInfo info = GoBuildInfoReader.read(java.nio.file.Files.readAllBytes(binary)).orElseThrow();

    List<String> oracle = GoTestBinaries.goVersionM(binary);
    assertThat(oracle.getFirst()).endsWith(": " + info.goVersion());
    assertThat(lines(info)).containsExactlyElementsOf(normalized(oracle.subList(1, oracle.size())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void debianGopathBinariesYieldOnlyTheStandardLibrary(String name) throws Exception {
    if (name.equals("app")) {
      return;
    }
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, name.substring(1), Path.of(name));
    assertThat(result.problems).isEmpty();
    assertThat(result.packages).containsExactly(Package.of(Ecosystem.GO, "stdlib", "v1.19.8", name.substring(1)));
  }

  @Test
  void reportsModulesWithReplacementsApplied() throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "usr/local/bin/app", app);

    String path = "usr/local/bin/app";
    String goVersion = GoBuildInfoReader.read(java.nio.file.Files.readAllBytes(app)).orElseThrow().goVersion();
    assertThat(result.problems).isEmpty();
    assertThat(result.packages).containsExactlyInAnyOrder(
        Package.of(Ecosystem.GO, "stdlib", "v" + goVersion.substring(2), path),
        Package.of(Ecosystem.GO, "example.test/app", "v1.7.0", path)
            .withProperties(Map.of("main-module", "true", "version-source", "ldflags")),
        Package.of(Ecosystem.GO, "example.test/dep", "", path).withProperties(Map.of("replaced-by", "../dep")),
        Package.of(Ecosystem.GO, "example.test/lib", "v1.4.2", path),
        Package.of(Ecosystem.GO, "example.test/fork", "v1.9.1", path)
            .withProperties(Map.of("replaces", "example.test/old@v1.0.0")));
  }

  @Test
  void wantsExecutablesOnly() {
    assertThat(analyzer.wants(RecordedAnalysis.entry("usr/bin/skopeo", 30_000_000, 0755))).isTrue();
    assertThat(analyzer.wants(RecordedAnalysis.entry("usr/bin/skopeo", 30_000_000, 0644))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("usr/bin/tiny", 100, 0755))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("usr/bin/huge", 1L << 40, 0755))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("usr/share/doc/x/run", 30_000, 0755))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("opt/app/start.sh", 30_000, 0755))).isFalse();
  }

  @Test
  void ignoresFilesThatAreNotElf() throws Exception {
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "usr/bin/script", "#!/bin/sh\necho hi\n".getBytes());
    assertThat(result.packages).isEmpty();
    assertThat(result.problems).isEmpty();
  }

  @Test
  void stdlibVersionDropsExperimentsAndRefusesDevelToolchains() {
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.22.3 X:boringcrypto")).contains("v1.22.3");
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.20")).contains("v1.20");
    assertThat(GoBinaryAnalyzer.stdlibVersion("devel go1.23-abcdef")).isEmpty();
  }

  /** The build info as {@code go version -m} lines without checksums. */
  private static List<String> lines(GoBuildInfo info) {
    List<String> lines = new ArrayList<>();
    if (!info.mainPath().isEmpty()) {
      lines.add("path " + info.mainPath());
    }
    info.main().ifPresent(m -> addModule(lines, "mod", m));
    info.deps().forEach(d -> addModule(lines, "dep", d));
    info.settings().forEach((k, v) -> lines.add("build " + goQuoted(k, "= \t\r\n\"`") + "=" + goQuoted(v, " \t\r\n\"`")));
    return lines;
  }

  /** As runtime/debug writes a setting: Go-quoted when it holds any of {@code special}. */
  private static String goQuoted(String s, String special) {
    if (s.chars().noneMatch(c -> special.indexOf(c) >= 0)) {
      return s;
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void addModule(List<String> lines, String kind, GoModule module) {
    lines.add(kind + " " + module.path() + " " + module.version());
    module.replacement().ifPresent(r -> lines.add("=> " + r.path() + " " + r.version()));
  }

  /** Oracle lines: tab-separated fields joined by spaces, module checksums dropped, blanks skipped. */
  private static List<String> normalized(List<String> oracle) {
    List<String> lines = new ArrayList<>();
    for (String line : oracle) {
      List<String> f = new ArrayList<>(Arrays.asList(line.strip().split("\t")));
      if (f.getFirst().isEmpty()) {
        continue;
      }
      boolean module = List.of("mod", "dep", "=>").contains(f.getFirst());
      lines.add(String.join(" ", module ? f.subList(0, Math.min(3, f.size())) : f));
    }
    return lines;
  }
}
