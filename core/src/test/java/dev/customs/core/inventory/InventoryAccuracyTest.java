package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Image;
import dev.customs.core.image.source.ArchiveImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole engine (sources, every default analyzer, applier) against Trivy's inventory of the
 * shared reference images ({@code images/reference/*.cdx.json}): the same packages, each
 * attributed to the same layer, and the same OS. Deliberate differences are pinned in {@link #DIFFERENCES}.
 */
class InventoryAccuracyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EPOCH = Pattern.compile("[?&]epoch=(\\d+)");

  /**
   * Packages Customs finds and this Trivy build does not: jars without {@code pom.properties}, which
   * Trivy identifies only through its online SHA-1 index (absent here; see the images README).
   * Customs names them from {@code META-INF/MANIFEST.MF}.
   */
  private static final Map<String, Set<String>> EXTRA = Map.of("debian12-app", Set.of(
      "maven org.springframework:spring-beans 5.3.17",
      "maven org.springframework:spring-core 5.3.17",
      "maven spring-jcl 5.3.17"));


  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "debian12-minbase, debian12.oci.tar",
      "debian12, debian12.oci.tar",
      "debian12-app, debian12.oci.tar",
      "alpine-3.20.3, alpine-3.20.3.oci.tar",
      "distroless-debian12, distroless-debian12.oci.tar"})
  void findsWhatTrivyFindsInTheSameLayers(String name, String archive) throws IOException {
    Inventory inventory;
    try (Image image = new ArchiveImageSource(TestData.testdata("images/" + archive))
        .open(SourceOptions.DEFAULT.withSelector(name))) {
      inventory = new InventoryScanner(Analyzers.defaults(), NoLayerCache.INSTANCE).scan(image);
    }
    JsonNode reference = JSON.readTree(TestData.testdata("images/reference/" + name + ".cdx.json").toFile());

    Map<String, String> expected = trivyPackages(reference);
    Map<String, String> actual = new TreeMap<>();
    inventory.packages().forEach(p -> actual.put(key(p.pkg().ecosystem().purlType(), p.pkg().name(), p.pkg().version()),
        p.layerDiffId().toString()));
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual.keySet());
    Set<String> extra = new TreeSet<>(actual.keySet());
    extra.removeAll(expected.keySet());
    Set<String> otherLayer = new TreeSet<>(expected.keySet());
    otherLayer.removeIf(k -> !actual.containsKey(k) || actual.get(k).equals(expected.get(k)));

    assertThat(expected).as("Trivy's packages").isNotEmpty();
    assertThat(missing).as("packages Trivy finds and Customs does not").isEmpty();
    assertThat(extra).as("packages Customs finds and Trivy does not").isEqualTo(EXTRA.getOrDefault(name, Set.of()));
    assertThat(otherLayer).as("packages attributed to another layer than Trivy's").isEmpty();
    // spring-jcl's manifest and classes name no group, and a maven purl needs one: it is listed
    // without a purl, which is no analysis problem (the jar was read in full).
    assertThat(inventory.problems()).extracting(AnalysisProblem::path).as("problems").isEmpty();
    assertThat(inventory.packages()).filteredOn(p -> p.purl().isEmpty())
        .extracting(p -> p.pkg().name()).containsExactlyElementsOf(name.equals("debian12-app") ? List.of("spring-jcl") : List.of());
    JsonNode os = reference.path("components").get(0);
    assertThat(os.path("type").asText()).isEqualTo("operating-system");
    assertThat(inventory.os()).get().satisfies(o -> {
      assertThat(o.family()).isEqualTo(os.path("name").asText());
      assertThat(o.version()).isEqualTo(os.path("version").asText());
    });
  }

  /**
   * (ecosystem, name, version) of every package in Trivy's CycloneDX report, mapped to the diffID of
   * its layer. The CycloneDX file is the complete one: Trivy's own JSON leaves out the jars.
   */
  private static Map<String, String> trivyPackages(JsonNode bom) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode c : bom.path("components")) {
      String purl = c.path("purl").asText("");
      if (purl.isEmpty()) {
        continue; // the operating-system component
      }
      String ecosystem = purl.substring("pkg:".length(), purl.indexOf('/'));
      String name = c.has("group") ? c.path("group").asText() + ":" + c.path("name").asText() : c.path("name").asText();
      Matcher epoch = EPOCH.matcher(purl);
      String version = (epoch.find() ? epoch.group(1) + ":" : "") + c.path("version").asText();
      String layer = "";
      for (JsonNode p : c.path("properties")) {
        if (p.path("name").asText().equals("aquasecurity:trivy:LayerDiffID")) {
          layer = p.path("value").asText();
        }
      }
      out.put(key(ecosystem, name, version), layer);
    }
    return out;
  }

  /** PyPI names compare in their PEP 503 normal form: Trivy keeps the declared spelling. */
  private static String key(String ecosystem, String name, String version) {
    String normalized = ecosystem.equals("pypi") ? name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-") : name;
    return ecosystem + " " + normalized + " " + version;
  }
}
