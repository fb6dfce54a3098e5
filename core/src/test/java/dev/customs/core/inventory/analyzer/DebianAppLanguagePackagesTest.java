package dev.customs.core.inventory.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.java.JavaArchiveAnalyzer;
import dev.customs.core.inventory.analyzer.npm.InstalledNpmPackages;
import dev.customs.core.inventory.analyzer.npm.NpmPackageAnalyzer;
import dev.customs.core.inventory.analyzer.python.PythonPackageAnalyzer;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java, npm and Python packages of the real debian12-app image (its layers 3-5: /app jars,
 * /app/node, site-packages) against Trivy's reference inventory of the same image.
 */
class DebianAppLanguagePackagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordedAnalysis SINK = new RecordedAnalysis();
  private static List<Package> packages;

  @BeforeAll
  static void analyzeTheImage() throws IOException {
    OciArchiveFiles.analyze(TestData.testdata("images/debian12.oci.tar"), "debian12-app", List.of(3, 4, 5),
        List.of(new JavaArchiveAnalyzer(), new NpmPackageAnalyzer(), new PythonPackageAnalyzer()), SINK);
    packages = InstalledNpmPackages.preferInstalled(SINK.packages);
  }

  @Test
  void reportsNoProblems() {
    assertThat(SINK.problems).isEmpty();
  }

  /**
   * Trivy finds 10 jars by their pom.properties. The 3 Spring jars nested in fat-app.jar carry
   * none; Trivy misses them (it would need its online SHA-1 index), we identify them by their
   * manifest. spring-jcl holds only org.apache.commons.logging classes, so no groupId is guessed.
   */
  @Test
  void findsTrivysJarsAndTheSpringJarsItMisses() throws IOException {
    List<String> expected = new ArrayList<>();
    for (JsonNode c : JSON.readTree(TestData.testdata("images/reference/debian12-app.cdx.json").toFile()).path("components")) {
      if (c.path("purl").asText().startsWith("pkg:maven/")) {
        expected.add(c.path("group").asText() + ":" + c.path("name").asText() + "@" + c.path("version").asText()
            + " " + property(c, "aquasecurity:trivy:FilePath"));
      }
    }
    assertThat(expected).hasSize(10);
    Stream.of("org.springframework:spring-core", "org.springframework:spring-beans", "spring-jcl")
        .map(name -> name + "@5.3.17 app/fat-app.jar/BOOT-INF/lib/" + name.substring(name.indexOf(':') + 1) + "-5.3.17.jar")
        .forEach(expected::add);

    assertThat(of(Ecosystem.MAVEN).map(p -> p.name() + "@" + p.version() + " " + p.paths().getFirst()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(of(Ecosystem.MAVEN).filter(p -> p.name().contains("spring")))
        .allSatisfy(p -> assertThat(p.properties()).containsEntry("identified-by", "manifest").containsKey("sha1"));
  }

  /** SHA-1s as {@code sha1sum} prints them (log4j-core's is also the one Maven Central publishes). */
  @Test
  void digestsEachArchiveNestedOrNot() {
    Map<String, String> sha1ByPath = new HashMap<>();
    of(Ecosystem.MAVEN).forEach(p -> sha1ByPath.put(p.paths().getFirst(), p.properties().get("sha1")));
    assertThat(sha1ByPath)
        .containsEntry("app/lib/log4j-core-2.14.1.jar", "9141212b8507ab50a45525b545b39d224614528b")
        .containsEntry("app/fat-app.jar/BOOT-INF/lib/snakeyaml-1.26.jar", "a78a8747147d2c5807683e76ec2b633e95c14fe9");
  }

  /** Trivy's 53: the 52 installed packages and the project's own package.json; the lock file adds none. */
  @Test
  void findsTrivysNpmPackagesWithTheirPathsAndLicenses() throws IOException {
    List<String> expected = trivyPackages("node-pkg").map(p -> describe(p, licenses(p))).toList();
    assertThat(expected).hasSize(53);
    assertThat(of(Ecosystem.NPM).map(p -> describe(p.name(), p.version(), p.paths().getFirst(), p.licenses())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(SINK.packages).filteredOn(p -> p.paths().getFirst().equals("app/node/package-lock.json"))
        .as("the lock file was read, then given way to node_modules").hasSize(52);
  }

  /** Trivy keeps a classifier's words ("MIT License"); we map it to its SPDX identifier. */
  @Test
  void findsTrivysPythonPackagesWithTheirPathsAndLicenses() throws IOException {
    Map<String, String> spdxForClassifier = Map.of("MIT License", "MIT");
    List<String> expected = trivyPackages("python-pkg")
        .map(p -> describe(p, licenses(p).stream().map(l -> spdxForClassifier.getOrDefault(l, l)).toList()))
        .toList();
    assertThat(expected).hasSize(12);
    assertThat(of(Ecosystem.PYPI).map(p -> describe(p.name(), p.version(), p.paths().getFirst(), p.licenses())))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Stream<Package> of(Ecosystem ecosystem) {
    return packages.stream().filter(p -> p.ecosystem() == ecosystem);
  }

  private static Stream<JsonNode> trivyPackages(String type) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode result : JSON.readTree(TestData.testdata("images/reference/debian12-app.trivy.json").toFile())
        .path("Results")) {
      if (type.equals(result.path("Type").asText())) {
        result.path("Packages").forEach(found::add);
      }
    }
    return found.stream();
  }

  private static List<String> licenses(JsonNode trivyPackage) {
    List<String> licenses = new ArrayList<>();
    trivyPackage.path("Licenses").forEach(l -> licenses.add(l.asText()));
    return licenses;
  }

  private static String describe(JsonNode p, List<String> licenses) {
    return describe(p.path("Name").asText(), p.path("Version").asText(), p.path("FilePath").asText(), licenses);
  }

  private static String describe(String name, String version, String path, List<String> licenses) {
    return name + "@" + version + " " + path + " " + licenses;
  }

  private static String property(JsonNode component, String name) {
    for (JsonNode property : component.path("properties")) {
      if (name.equals(property.path("name").asText())) {
        return property.path("value").asText();
      }
    }
    return "";
  }
}
