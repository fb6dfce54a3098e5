package dev.customs.core.inventory.analyzer.osrelease;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.OsReleasePrecedence;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.inventory.analyzer.os.OciImageFiles;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OS of each real image, from its release files and the precedence rule, against Trivy's answer. */
class OsReleaseImageTest {
  private final OsReleaseAnalyzer analyzer = new OsReleaseAnalyzer();

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "debian12.oci.tar, debian12-minbase, 2",
      "debian12.oci.tar, debian12, 2",
      "alpine-3.20.3.oci.tar, alpine-3.20.3, 2",
      "distroless-debian12.oci.tar, distroless-debian12, 2"})
  void sameOsAsTrivy(String archive, String ref, int releaseFiles) throws IOException {
    Map<String, byte[]> files = OciImageFiles.read(testdata("images/" + archive), ref,
        path -> analyzer.wants(new LayerEntry(path, EntryType.FILE, 0, 0644, 0, 0, Optional.empty())));
    Map<String, OsRelease> byPath = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, file.getKey(), file.getValue());
      assertThat(sink.problems).as(file.getKey()).isEmpty();
      byPath.put(file.getKey(), sink.osReleases.getFirst());
    }

    JsonNode trivy = new ObjectMapper().readTree(testdata("images/reference/" + ref + ".trivy.json").toFile())
        .path("Metadata").path("OS");
    assertThat(byPath).hasSize(releaseFiles);
    OsRelease os = OsReleasePrecedence.choose(byPath).orElseThrow();
    assertThat(os.family()).isEqualTo(trivy.path("Family").asText());
    assertThat(os.version()).isEqualTo(trivy.path("Name").asText());
    assertThat(os.prettyName()).isNotBlank();
  }
}
