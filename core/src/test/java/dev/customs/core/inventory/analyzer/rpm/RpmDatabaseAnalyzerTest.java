package dev.customs.core.inventory.analyzer.rpm;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmDatabaseAnalyzerTest {
  private final RpmDatabaseAnalyzer analyzer = new RpmDatabaseAnalyzer();

  /** Every real database fixture gives exactly the packages rpm itself lists (its expected.tsv). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "cbl-mariner-2.0/rpmdb.sqlite, var/lib/rpm/rpmdb.sqlite",
      "local-sqlite/rpmdb.sqlite,    usr/lib/sysimage/rpm/rpmdb.sqlite",
      "el8-libuuid-bdb/Packages,     var/lib/rpm/Packages",
      "sle15-bci-ndb/Packages.db,    usr/lib/sysimage/rpm/Packages.db"})
  void listsWhatRpmLists(String fixture, String imagePath) throws IOException {
    Path file = testdata("pkgdb/rpm/" + fixture);
    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, imagePath, Files.readAllBytes(file));

    assertThat(sink.problems).isEmpty();
    List<String> expected = Files.readAllLines(file.resolveSibling("expected.tsv"));
    assertThat(sink.packages.stream().map(RpmDatabaseAnalyzerTest::asRpmQa).sorted())
        .containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(sink.packages).allSatisfy(p -> assertThat(p.paths()).containsExactly(imagePath));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "local-sqlite/rpmdb.sqlite | fixture-hello | 2:1.0.3-4.fx1 | fixture-hello | 2:1.0.3-4.fx1",
      "local-sqlite/rpmdb.sqlite | fixture-libfoo | 0:3.2.1~rc1-0.1.el9_2 | fixture-libfoo | 0:3.2.1~rc1-0.1.el9_2",
      "el8-libuuid-bdb/Packages | libuuid | 2.32.1-42.el8_8 | util-linux | 2.32.1-42.el8_8",
      "cbl-mariner-2.0/rpmdb.sqlite | ca-certificates-base | 1:2.0.0-1.cm2 | ca-certificates | 1:2.0.0-1.cm2",
      "sle15-bci-ndb/Packages.db | libgpg-error0 | 1.29-1.8 | libgpg-error | 1.29-1.8"})
  void versionAndSourceFollowTheHeader(String fixture, String name, String version, String sourceName,
      String sourceVersion) throws IOException {
    String imagePath = "var/lib/rpm/" + Path.of(fixture).getFileName();
    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, imagePath, Files.readAllBytes(testdata("pkgdb/rpm/" + fixture)));

    Package pkg = sink.packages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    assertThat(pkg.version()).isEqualTo(version);
    assertThat(pkg.sourceName()).isEqualTo(sourceName);
    assertThat(pkg.sourceVersion()).isEqualTo(sourceVersion);
    assertThat(pkg.licenses()).hasSize(1).allSatisfy(l -> assertThat(l).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty sqlite file | var/lib/rpm/rpmdb.sqlite | 0 | not a readable rpm SQLite database",
      "garbage as sqlite | var/lib/rpm/rpmdb.sqlite | 5000 | not a readable rpm SQLite database",
      "empty bdb file | var/lib/rpm/Packages | 0 | not a Berkeley DB file",
      "garbage as bdb | var/lib/rpm/Packages | 8192 | not a Berkeley DB hash database",
      "empty ndb file | var/lib/rpm/Packages.db | 0 | not an rpm NDB database",
      "garbage as ndb | usr/lib/sysimage/rpm/Packages.db | 8192 | not an rpm NDB database"})
  void rejectsNonDatabases(String name, String path, int size, String reason) throws IOException {
    byte[] garbage = new byte[size];
    Arrays.fill(garbage, (byte) 0x5a);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, path, garbage);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString().contains(reason);
  }

  @Test
  void sqliteTemporaryCopiesAreDeleted() throws IOException {
    Set<Path> before = temporaryCopies();
    byte[] good = Files.readAllBytes(testdata("pkgdb/rpm/local-sqlite/rpmdb.sqlite"));

    RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/rpmdb.sqlite", good);
    RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/rpmdb.sqlite", Arrays.copyOf(good, 4096));

    assertThat(temporaryCopies()).isSubsetOf(before);
  }

  private static Set<Path> temporaryCopies() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("customs-rpmdb-")).collect(Collectors.toSet());
    }
  }

  /** The package as {@code rpm -qa --qf '%{NAME}\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\t%{ARCH}'} prints it. */
  private static String asRpmQa(Package pkg) {
    String version = pkg.version().matches("\\d+:.*") ? pkg.version() : "0:" + pkg.version();
    return pkg.name() + "\t" + version + "\t" + pkg.arch();
  }
}
