package dev.customs.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemes on the real OSV records of the shared test data: every range event parses in the
 * scheme of its ecosystem, and every version OSV.dev lists as affected ({@code versions}, which it
 * enumerates from the ranges with the ecosystem's own ordering) lies in one of the ranges by
 * {@link VersionScheme#inRange}.
 */
class OsvRecordsVersionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"osv/ghsa-maven", "osv/ghsa-npm", "osv/ghsa-nuget", "osv/go", "osv/rust",
      "osv/almalinux", "osv/rocky", "osv/ubuntu", "debian/osv"})
  void everyRangeEventIsAValidVersionOfItsEcosystem(String folder) throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (JsonNode affected : affectedEntries(folder)) {
      VersionScheme scheme = schemeOf(affected);
      for (JsonNode range : affected.path("ranges")) {
        if (range.path("type").asText().equals("GIT")) {
          continue;
        }
        for (JsonNode event : range.path("events")) {
          for (JsonNode value : event) {
            checked++;
            if (!value.asText().equals("0") && !scheme.isValid(value.asText())) {
              problems.add(scheme.id() + ": " + value.asText());
            }
          }
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"osv/ghsa-maven", "osv/ghsa-nuget", "osv/ubuntu", "debian/osv"})
  void everyListedAffectedVersionIsInARange(String folder) throws IOException {
    List<String> outside = new ArrayList<>();
    int checked = 0;
    for (JsonNode affected : affectedEntries(folder)) {
      List<JsonNode> ranges = new ArrayList<>();
      affected.path("ranges").forEach(range -> {
        if (!range.path("type").asText().equals("GIT")) {
          ranges.add(range);
        }
      });
      // OSV.dev's Alpine "versions" come from the package index, not from the ranges: CVE-2023-4039
      // lists gcc 14.2.0-r0 as affected although its range ends at 13.2.1_git20231014-r0.
      if (ranges.isEmpty() || affected.path("package").path("ecosystem").asText().startsWith("Alpine")) {
        continue;
      }
      VersionScheme scheme = schemeOf(affected);
      for (JsonNode version : affected.path("versions")) {
        checked++;
        if (ranges.stream().noneMatch(range -> inAnyInterval(scheme, version.asText(), range))) {
          outside.add(affected.path("package").path("name").asText() + " " + version.asText());
        }
      }
    }
    System.out.printf("%s: %,d listed affected versions checked%n", folder, checked);
    assertThat(checked).isGreaterThan(100);
    assertThat(outside).isEmpty();
  }

  /** OSV events in order: each "introduced" opens an interval, the next fixed/last_affected closes it. */
  private static boolean inAnyInterval(VersionScheme scheme, String version, JsonNode range) {
    String introduced = null;
    for (JsonNode event : range.path("events")) {
      if (event.has("introduced")) {
        if (introduced != null && scheme.inRange(version, introduced, null, null)) {
          return true;
        }
        introduced = event.get("introduced").asText();
      } else if (introduced != null && (event.has("fixed") || event.has("last_affected"))) {
        String fixed = event.has("fixed") ? event.get("fixed").asText() : null;
        String last = event.has("last_affected") ? event.get("last_affected").asText() : null;
        if (scheme.inRange(version, introduced, fixed, last)) {
          return true;
        }
        introduced = null;
      }
    }
    return introduced != null && scheme.inRange(version, introduced, null, null);
  }

  private static VersionScheme schemeOf(JsonNode affected) {
    String ecosystem = affected.path("package").path("ecosystem").asText();
    return VersionSchemes.forOsvEcosystem(ecosystem)
        .orElseThrow(() -> new AssertionError("no version scheme for OSV ecosystem " + ecosystem));
  }

  private static List<JsonNode> affectedEntries(String folder) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.testdata("vulndata/" + folder))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode record = JSON.readTree(file.toFile());
        record.path("affected").forEach(affected -> {
          if (affected.path("package").has("ecosystem")) {
            entries.add(affected);
          }
        });
      }
    }
    return entries;
  }
}
