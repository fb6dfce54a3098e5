package dev.customs.core.inventory.analyzer.dpkg;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.os.CollectingSink;
import dev.customs.core.inventory.analyzer.os.OciImageFiles;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dpkg analyzers on the real debian12 image (both layers folded, e2fsprogs purged in layer 2),
 * checked against Trivy's inventory of the same image.
 */
class DpkgImageReferenceTest {
  private static Map<String, Package> packages;
  private static Map<String, List<String>> licenses;
  private static Map<String, JsonNode> trivy;

  @BeforeAll
  static void analyzeImage() throws IOException {
    DpkgStatusAnalyzer status = new DpkgStatusAnalyzer();
    DpkgCopyrightAnalyzer copyright = new DpkgCopyrightAnalyzer();
    Map<String, byte[]> files = OciImageFiles.read(testdata("images/debian12.oci.tar"), "debian12",
        path -> path.equals("var/lib/dpkg/status") || path.startsWith("usr/share/doc/"));
    CollectingSink sink = new CollectingSink();
    files.forEach((path, content) -> {
      for (var analyzer : List.of(status, copyright)) {
        if (analyzer.wants(new LayerEntry(path, EntryType.FILE, content.length, 0644, 0, 0, Optional.empty()))) {
          CollectingSink one = CollectingSink.analyze(analyzer, path, content);
          sink.packages.addAll(one.packages);
          sink.licenses.putAll(one.licenses);
          sink.problems.addAll(one.problems);
        }
      }
    });
    assertThat(sink.problems).isEmpty();
    packages = sink.packages.stream().collect(Collectors.toMap(Package::name, p -> p));
    licenses = sink.licenses;
    trivy = new TreeMap<>();
    JsonNode report = new ObjectMapper().readTree(testdata("images/reference/debian12.trivy.json").toFile());
    for (JsonNode p : report.path("Results").get(0).path("Packages")) {
      trivy.put(p.path("Name").asText(), p);
    }
  }

  @Test
  void samePackagesVersionsAndSources() {
    assertThat(packages.keySet()).hasSize(90).containsExactlyInAnyOrderElementsOf(trivy.keySet());
    assertThat(packages).doesNotContainKey("e2fsprogs");
    trivy.forEach((name, t) -> {
      Package ours = packages.get(name);
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
  @Test
  void licensesAgreeWithTrivyExceptForDocumentedDifferences() {
    Set<String> keptAsWritten = Set.of("gpl", "lgpl", "gpl-3 with bison exception");
    List<String> extras = new ArrayList<>();
    int identical = 0;
    for (var entry : trivy.entrySet()) {
      List<String> trivyLicenses = new ArrayList<>();
      entry.getValue().path("Licenses").forEach(l -> trivyLicenses.add(l.asText()));
      Set<String> theirs = comparableSet(trivyLicenses);
      Set<String> ours = comparableSet(licenses.getOrDefault("deb:" + entry.getKey(), List.of()));
      assertThat(ours.isEmpty()).as(entry.getKey()).isEqualTo(theirs.isEmpty());
      identical += ours.equals(theirs) ? 1 : 0;
      ours.removeAll(theirs);
      ours.removeAll(keptAsWritten);
      if (!ours.isEmpty()) {
        extras.add(entry.getKey() + ": " + ours);
      }
    }
    assertThat(extras).isEmpty();
    // 59 of the 90 packages have exactly Trivy's set (3 of them none on either side: their doc
    // directory is a symlink); the other 31 differ only as documented above.
    assertThat(identical).isEqualTo(59);
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
