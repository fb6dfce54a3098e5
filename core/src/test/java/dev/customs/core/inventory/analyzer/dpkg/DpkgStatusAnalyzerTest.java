package dev.customs.core.inventory.analyzer.dpkg;

import static dev.customs.testkit.TestData.testdata;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgStatusAnalyzerTest {
  private final DpkgStatusAnalyzer analyzer = new DpkgStatusAnalyzer();

  @Test
  void listsWhatDpkgQueryLists() throws IOException {
    Path status = testdata("pkgdb/dpkg/debian12/status");

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status", Files.readAllBytes(status));

    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages.stream().map(p -> p.name() + "\t" + p.version() + "\t" + p.arch()))
        .containsExactlyElementsOf(Files.readAllLines(status.resolveSibling("expected.tsv")));
  }

  @Test
  void readsSourceAndMaintainer() throws IOException {
    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status",
        Files.readAllBytes(testdata("pkgdb/dpkg/debian12/status")));

    Map<String, Package> byName = sink.packages.stream()
        .collect(Collectors.toMap(Package::name, p -> p));
    assertThat(byName.get("bash").sourceName()).isEqualTo("bash");
    assertThat(byName.get("bash").sourceVersion()).isEqualTo("5.2.15-2");
    assertThat(byName.get("bash").version()).isEqualTo("5.2.15-2+b13");
    assertThat(byName.get("libgcc-s1").sourceName()).isEqualTo("gcc-12");
    assertThat(byName.get("libgcc-s1").sourceVersion()).isEqualTo(byName.get("libgcc-s1").version());
    assertThat(byName.get("adduser").sourceName()).isEqualTo("adduser");
    assertThat(byName.get("adduser").properties())
        .containsEntry("maintainer", "Debian Adduser Developers <adduser@packages.debian.org>");
  }

  @Test
  void readsDistrolessStatusDirectory() throws IOException {
    Path dir = testdata("pkgdb/dpkg/distroless-debian12/status.d");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    RecordedAnalysis all = new RecordedAnalysis();
    int wanted = 0;
    for (Path file : files) {
      String imagePath = "var/lib/dpkg/status.d/" + file.getFileName();
      if (analyzer.wants(new LayerEntry(imagePath, EntryType.FILE, 1, 0644, 0, 0, Optional.empty()))) {
        wanted++;
        RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, imagePath, Files.readAllBytes(file));
        all.packages.addAll(sink.packages);
        all.problems.addAll(sink.problems);
      }
    }

    assertThat(wanted).as("the .md5sums files are not wanted").isEqualTo(7);
    assertThat(all.problems).isEmpty();
    assertThat(all.packages).extracting(Package::name).containsExactlyInAnyOrder(
        "base-files", "ca-certificates", "libc6", "libssl3", "media-types", "netbase", "tzdata");
    Package libc = all.packages.stream().filter(p -> p.name().equals("libc6")).findFirst().orElseThrow();
    assertThat(libc.sourceName()).isEqualTo("glibc");
    assertThat(libc.version()).isEqualTo("2.36-9+deb12u14");
    assertThat(libc.paths()).containsExactly("var/lib/dpkg/status.d/libc6");
  }

  @Test
  void statusDirectoryHonoursAStatusWhenOneIsWritten() throws IOException {
    String paragraph = "Package: foo\nStatus: deinstall ok config-files\nVersion: 1.0-1\n";

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status.d/foo", paragraph.getBytes(UTF_8));

    assertThat(sink.packages).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "install ok installed, true",
      "hold ok installed, true",
      "deinstall ok installed, true",
      "install ok unpacked, true",
      "install ok half-configured, true",
      "install ok triggers-pending, true",
      "install ok triggers-awaited, true",
      "install reinstreq half-installed, false",
      "deinstall ok config-files, false",
      "purge ok not-installed, false",
      "install ok half-installed, false"})
  void countsPackagesWhoseFilesAreOnDisk(String status, boolean counted) throws IOException {
    String paragraph = "Package: foo\nStatus: " + status + "\nVersion: 1.0-1\nArchitecture: amd64\n";

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status", paragraph.getBytes(UTF_8));

    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages).hasSize(counted ? 1 : 0);
  }

  @Test
  void keepsMultiLineFieldsOutOfTheWay() throws IOException {
    String status = """
        Package: foo
        Status: install ok installed
        Description: short
         a long description line
         .
         Version: 9.9 (this is description text, not a field)
        Version: 1:2.3-4
        Source: foo-src (2.3-3)

        Package: bar
        Status: install ok installed
        Version: 1
        """;

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status", status.getBytes(UTF_8));

    assertThat(sink.packages).extracting(Package::name, Package::version, Package::sourceName, Package::sourceVersion)
        .containsExactly(
            tuple("foo", "1:2.3-4", "foo-src", "2.3-3"),
            tuple("bar", "1", "bar", "1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty file | '' | ",
      "garbage | \u0000\u0001binary garbage\u00ff | not a 'Field: value' line",
      "continuation first | ' leading continuation' | continuation line without a field",
      "no Package field | Status: install ok installed | has no Package field",
      "no Version | Package: foo\\nStatus: install ok installed | package foo has no Version field",
      "missing Status | Package: foo\\nVersion: 1 | has no valid Status field",
      "truncated Status | Package: foo\\nVersion: 1\\nStatus: install ok | has no valid Status field"})
  void reportsMalformedInput(String name, String text, String problem) throws IOException {
    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status", text.replace("\\n", "\n").getBytes(UTF_8));

    assertThat(sink.packages).isEmpty();
    if (problem == null) {
      assertThat(sink.problems).isEmpty();
    } else {
      assertThat(sink.problems).singleElement().asString().contains(problem);
    }
  }

  @Test
  void truncatedRealStatusKeepsTheCompleteParagraphs() throws IOException {
    byte[] status = Files.readAllBytes(testdata("pkgdb/dpkg/debian12/status"));
    byte[] half = Arrays.copyOf(status, status.length / 2);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/dpkg/status", half);

    assertThat(sink.packages).hasSizeBetween(30, 60);
    assertThat(sink.packages).allSatisfy(p -> assertThat(p.version()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "var/lib/dpkg/status, true",
      "var/lib/dpkg/status.d/libc6, true",
      "var/lib/dpkg/status.d/libc6.md5sums, false",
      "var/lib/dpkg/status-old, false",
      "var/lib/dpkg/status.d/sub/x, false",
      "usr/var/lib/dpkg/status, false"})
  void wantsOnlyTheDatabase(String path, boolean wanted) {
    assertThat(analyzer.wants(new LayerEntry(path, EntryType.FILE, 1, 0644, 0, 0, Optional.empty())))
        .isEqualTo(wanted);
  }
}
