package dev.customs.core.inventory.analyzer.apk;

import static dev.customs.testkit.TestData.testdata;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApkInstalledAnalyzerTest {
  private final ApkInstalledAnalyzer analyzer = new ApkInstalledAnalyzer();

  private RecordedAnalysis analyze(byte[] content) throws IOException {
    return RecordedAnalysis.analyzeWanted(analyzer, "lib/apk/db/installed", content);
  }

  @Test
  void listsWhatTheDatabaseLists() throws IOException {
    Path installed = testdata("pkgdb/apk/alpine-3.20.3/installed");

    RecordedAnalysis sink = analyze(Files.readAllBytes(installed));

    assertThat(sink.problems).isEmpty();
    assertThat(sink.packages.stream().map(p -> p.name() + "\t" + p.version() + "\t" + p.arch()).sorted())
        .containsExactlyElementsOf(Files.readAllLines(installed.resolveSibling("expected.tsv")).stream().sorted().toList());
  }

  @Test
  void readsOriginLicenseAndProperties() throws IOException {
    RecordedAnalysis sink = analyze(Files.readAllBytes(testdata("pkgdb/apk/alpine-3.20.3/installed")));

    Package ssl = sink.packages.stream().filter(p -> p.name().equals("libssl3")).findFirst().orElseThrow();
    assertThat(ssl.sourceName()).isEqualTo("openssl");
    assertThat(ssl.sourceVersion()).isEqualTo(ssl.version());
    assertThat(ssl.licenses()).containsExactly("Apache-2.0");
    assertThat(ssl.properties()).containsKeys("maintainer", "build-time");
    assertThat(ssl.properties().get("build-time")).matches("20\\d\\d-\\d\\d-\\d\\dT.*Z");
    assertThat(ssl.paths()).containsExactly("lib/apk/db/installed");
  }

  /** Trivy's inventory of the same image: same sources, and licenses up to SPDX spelling. */
  @Test
  void agreesWithTrivy() throws IOException {
    RecordedAnalysis sink = analyze(Files.readAllBytes(testdata("pkgdb/apk/alpine-3.20.3/installed")));
    JsonNode report = new ObjectMapper().readTree(testdata("images/reference/alpine-3.20.3.trivy.json").toFile());

    JsonNode trivy = report.path("Results").get(0).path("Packages");
    assertThat(sink.packages).hasSize(trivy.size());
    for (JsonNode t : trivy) {
      Package ours = sink.packages.stream().filter(p -> p.name().equals(t.path("Name").asText())).findFirst()
          .orElseThrow();
      assertThat(ours.version()).isEqualTo(t.path("Version").asText());
      assertThat(ours.sourceName()).isEqualTo(t.path("SrcName").asText());
      // apk declares one SPDX expression ("MPL-2.0 AND MIT"); Trivy splits it and drops "-only"/"-or-later".
      List<String> theirs = new ArrayList<>();
      t.path("Licenses").forEach(l -> theirs.add(l.asText()));
      assertThat(ours.licenses()).singleElement().satisfies(expression -> assertThat(
          Arrays.stream(expression.split(" AND ")).map(l -> l.replaceAll("-only|-or-later", "")).toList())
          .containsExactlyInAnyOrderElementsOf(theirs));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no name | V:1.0-r0\\nA:x86_64 | has no name (P:)",
      "no version | P:foo\\nA:x86_64 | has no version (V:)",
      "garbage line | P:foo\\nV:1-r0\\nthis is not apk | line 3: not a '<letter>:<value>' line",
      "bad build time | P:foo\\nV:1-r0\\nt:yesterday | build time that is not a number"})
  void reportsMalformedStanzas(String name, String text, String problem) throws IOException {
    RecordedAnalysis sink = analyze(text.replace("\\n", "\n").getBytes(UTF_8));

    assertThat(sink.problems).singleElement().asString().contains(problem);
  }

  @Test
  void emptyFileHasNoPackagesAndNoProblem() throws IOException {
    RecordedAnalysis sink = analyze(new byte[0]);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void truncatedDatabaseKeepsTheCompleteStanzas() throws IOException {
    byte[] installed = Files.readAllBytes(testdata("pkgdb/apk/alpine-3.20.3/installed"));

    RecordedAnalysis sink = analyze(Arrays.copyOf(installed, installed.length / 2));

    assertThat(sink.packages).hasSizeBetween(3, 13);
  }
}
