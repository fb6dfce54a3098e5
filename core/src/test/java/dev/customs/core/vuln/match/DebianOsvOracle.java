package dev.customs.core.vuln.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.vuln.version.DebVersionScheme;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An independent reading of the Debian OSV records for one release, straight from the JSON files
 * (not through the bundle or the matcher): which record ids affect a source package at a version.
 * Debian's records are simple — ECOSYSTEM ranges of {@code introduced} (always "0") and an
 * optional {@code fixed}, plus {@code versions} lists — so this oracle reads each range as the
 * interval from its introduced to its fixed and compares with dpkg's ordering.
 */
final class DebianOsvOracle {
  /** One affected entry of one record. */
  record Entry(String id, List<String> introduced, List<String> fixed, List<String> versions) {}

  private final Map<String, List<Entry>> bySource = new HashMap<>();
  private final DebVersionScheme deb = new DebVersionScheme();

  DebianOsvOracle(String osvEcosystem) {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(TestData.testdata("vulndata/debian/osv"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode record = json.readTree(file.toFile());
        if (record.has("withdrawn")) {
          continue;
        }
        for (JsonNode affected : record.path("affected")) {
          if (affected.path("package").path("ecosystem").asText().equals(osvEcosystem)) {
            bySource.computeIfAbsent(affected.path("package").path("name").asText(), k -> new ArrayList<>())
                .add(entry(record.path("id").asText(), affected));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Entry entry(String id, JsonNode affected) {
    List<String> introduced = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (JsonNode range : affected.path("ranges")) {
      for (JsonNode event : range.path("events")) {
        event.properties().forEach(e -> (e.getKey().equals("introduced") ? introduced : fixed).add(e.getValue().asText()));
      }
    }
    List<String> versions = new ArrayList<>();
    affected.path("versions").forEach(v -> versions.add(v.asText()));
    return new Entry(id, introduced, fixed, versions);
  }

  /** The source packages the release's records name. */
  Map<String, List<Entry>> entries() {
    return bySource;
  }

  /** The ids of the records that affect {@code source} at {@code version}. */
  List<String> affecting(String source, String version) {
    List<String> ids = new ArrayList<>();
    for (Entry e : bySource.getOrDefault(source, List.of())) {
      if (e.versions().contains(version) || inRange(e, version)) {
        ids.add(e.id());
      }
    }
    return ids;
  }

  private boolean inRange(Entry e, String version) {
    if (e.introduced().isEmpty()) {
      return false;
    }
    // Debian's records have introduced "0": affected unless a fix is at or below the version.
    boolean introduced = e.introduced().stream().anyMatch(i -> i.equals("0") || deb.compare(version, i) >= 0);
    return introduced && e.fixed().stream().noneMatch(f -> deb.compare(version, f) >= 0);
  }

  /** The oldest version any record lists as affected for a source (a real, older bookworm version). */
  String oldestListed(String source) {
    return bySource.getOrDefault(source, List.of()).stream().flatMap(e -> e.versions().stream())
        .filter(deb::isValid).min(deb::compare).orElse(null);
  }
}
