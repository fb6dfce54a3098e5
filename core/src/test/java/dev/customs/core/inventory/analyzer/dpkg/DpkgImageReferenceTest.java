package dev.customs.core.inventory.analyzer.dpkg;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.inventory.analyzer.os.OciImageFiles;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dpkg analyzers on the real Debian images (debian12: both layers folded, e2fsprogs purged in
 * layer 2; distroless: {@code status.d/}), checked against Trivy's inventory of the same image.
 */
class DpkgImageReferenceTest {
  /** What the analyzers found in one image, beside Trivy's packages of it by name. */
  private record ImageResult(Map<String, Package> packages, Map<String, List<String>> licenses,
      Map<String, JsonNode> trivy) {}

  private static final Map<String, ImageResult> RESULTS = new ConcurrentHashMap<>();

  private static ImageResult analyzed(String archive, String ref) {
    return RESULTS.computeIfAbsent(ref, r -> {
      try {
        return analyze(archive, ref);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static ImageResult analyze(String archive, String ref) throws IOException {
    List<PackageAnalyzer> analyzers = List.of(new DpkgStatusAnalyzer(), new DpkgCopyrightAnalyzer());
    Map<String, byte[]> files = OciImageFiles.read(testdata("images/" + archive), ref,
        path -> path.startsWith("var/lib/dpkg/") || path.startsWith("usr/share/doc/"));
    RecordedAnalysis sink = new RecordedAnalysis();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      LayerEntry entry = RecordedAnalysis.entry(file.getKey(), file.getValue().length, 0644);
      for (PackageAnalyzer analyzer : analyzers) {
        if (analyzer.wants(entry)) {
          analyzer.analyze(new AnalyzerInput(entry, file.getValue()), sink);
        }
      }
    }
    assertThat(sink.problems).isEmpty();
    Map<String, JsonNode> trivy = new TreeMap<>();
    JsonNode report = new ObjectMapper().readTree(testdata("images/reference/" + ref + ".trivy.json").toFile());
    for (JsonNode p : report.path("Results").get(0).path("Packages")) {
      trivy.put(p.path("Name").asText(), p);
    }
    return new ImageResult(sink.packages.stream().collect(Collectors.toMap(Package::name, p -> p)),
        sink.licenses, trivy);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "debian12.oci.tar, debian12-minbase, 88, true",
      "debian12.oci.tar, debian12, 90, false",
      "distroless-debian12.oci.tar, distroless-debian12, 7, false"})
  void samePackagesVersionsAndSources(String archive, String ref, int count, boolean e2fsprogs) {
    ImageResult image = analyzed(archive, ref);

    assertThat(image.packages().keySet()).hasSize(count).containsExactlyInAnyOrderElementsOf(image.trivy().keySet());
    assertThat(image.packages().containsKey("e2fsprogs")).isEqualTo(e2fsprogs);
    image.trivy().forEach((name, t) -> {
      Package ours = image.packages().get(name);
      assertThat(ours.version()).as(name).isEqualTo(full(t, "Epoch", "Version", "Release"));
      assertThat(ours.sourceName()).as(name).isEqualTo(t.path("SrcName").asText());
      assertThat(ours.sourceVersion()).as(name).isEqualTo(full(t, "SrcEpoch", "SrcVersion", "SrcRelease"));
      assertThat(ours.arch()).as(name).isEqualTo(t.path("Arch").asText());
      assertThat(ours.properties().get("maintainer")).as(name).isEqualTo(t.path("Maintainer").asText());
    });
  }

  /**
   * Licenses where Trivy has them. Deliberate differences, so the comparison is one-sided:
   * <ul>
   *   <li>Trivy also adds every {@code /usr/share/common-licenses/X} a DEP-5 file mentions in license
   *       texts (GFDL-1.3 beside GFDL-NIV-1.3, LGPL-2.1 beside LGPL-2+) and the {@code License:} lines of
   *       files that are not machine-readable; we take the DEP-5 {@code License:} fields only, and only
   *       the common-licenses references of other files. So Trivy may list more than we do.
   *   <li>A bare {@code GPL} / {@code LGPL} in a DEP-5 field has no version; we keep it as written,
   *       Trivy assigns one.
   *   <li>perl-base declares {@code GPL-3+-WITH-BISON-EXCEPTION}, which Trivy prints as GPL-2.0.
   * </ul>
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "debian12.oci.tar, debian12-minbase, 56",
      "debian12.oci.tar, debian12, 59",
      "distroless-debian12.oci.tar, distroless-debian12, 7"})
  void licensesAgreeWithTrivyExceptForDocumentedDifferences(String archive, String ref, int expectedIdentical) {
    ImageResult image = analyzed(archive, ref);
    Set<String> keptAsWritten = Set.of("gpl", "lgpl", "gpl-3 with bison exception");
    List<String> extras = new ArrayList<>();
    int identical = 0;
    for (var entry : image.trivy().entrySet()) {
      List<String> trivyLicenses = new ArrayList<>();
      entry.getValue().path("Licenses").forEach(l -> trivyLicenses.add(l.asText()));
      Set<String> theirs = comparableSet(trivyLicenses);
      Set<String> ours = comparableSet(image.licenses().getOrDefault("deb:" + entry.getKey(), List.of()));
      assertThat(ours.isEmpty()).as(entry.getKey()).isEqualTo(theirs.isEmpty());
      identical += ours.equals(theirs) ? 1 : 0;
      ours.removeAll(theirs);
      ours.removeAll(keptAsWritten);
      if (!ours.isEmpty()) {
        extras.add(entry.getKey() + ": " + ours);
      }
    }
    assertThat(extras).isEmpty();
    // Packages with exactly Trivy's set: debian12 59 of 90 (3 of them none on either side: their doc
    // directory is a symlink), minbase 56 of 88, distroless 7 of 7; the rest differ only as documented.
    assertThat(identical).isEqualTo(expectedIdentical);
  }

  private static Set<String> comparableSet(List<String> values) {
    Set<String> set = new TreeSet<>();
    values.forEach(l -> set.add(comparable(l)));
    return set;
  }

  private static String full(JsonNode t, String epoch, String version, String release) {
    String e = t.path(epoch).asInt(0) > 0 ? t.path(epoch).asInt() + ":" : "";
    String r = t.path(release).asText("").isEmpty() ? "" : "-" + t.path(release).asText();
    return e + t.path(version).asText() + r;
  }

  /**
   * Trivy drops "or later" ({@code GPL-2+} → {@code GPL-2.0}) and keeps some Debian names
   * ({@code Expat}, {@code Apache-2}); we write SPDX ({@code GPL-2.0-or-later}, {@code MIT},
   * {@code Apache-2.0}). Both sides are reduced to the same spelling before comparing.
   */
  private static String comparable(String license) {
    String l = license.toLowerCase(Locale.ROOT).replace("-or-later", "").replace("-only", "")
        .replaceAll("[ -]with[ -]", " with ").replace("-exception", " exception");
    l = l.replaceAll("(\\+|\\.0)( with |$)", "$2");
    return l.equals("expat") ? "mit" : l.equals("artistic-1") ? "artistic" : l;
  }
}
