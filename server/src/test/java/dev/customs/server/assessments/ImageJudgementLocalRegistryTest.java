package dev.customs.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.server.ServerTest;
import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.events.SevereVulnerabilityFound;
import dev.customs.server.identity.Role;
import dev.customs.server.vulndata.VulnerabilityData;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Register → queued → scanned → matched and judged, through REST against a real registry, with a
 * bundle built from the real test feeds: the findings are exactly what core's matcher finds in the
 * same image, the verdict is the baseline policy's, and the domain events announce both.
 */
@ServerTest
class ImageJudgementLocalRegistryTest extends JudgementTestSupport {
  @Autowired
  VulnerabilityData vulnData;
  private static LocalRegistry registry;
  private static String repositoryPrefix;
  private static String appId;
  private static String alpineId;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    repositoryPrefix = "judge-" + UUID.randomUUID().toString().substring(0, 8);
    registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12-app", repositoryPrefix + "/app:1");
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, repositoryPrefix + "/alpine:3.20.3");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  /** Both images, registered and judged once for all tests of the class. */
  private synchronized void scanOnce() throws Exception {
    if (appId == null) {
      createRegistry(registry);
      appId = registerAndAwaitJudgement(registry.host() + "/" + repositoryPrefix + "/app:1");
      alpineId = registerAndAwaitJudgement(registry.host() + "/" + repositoryPrefix + "/alpine:3.20.3");
    }
  }

  @Test
  void aScannedImageIsMatchedAndJudgedLikeTheCli() throws Exception {
    scanOnce();
    String imageId = appId;
    JsonNode detail = detail(imageId);

    assertThat(detail.get("image").get("judgement").get("verdict").asString()).isEqualTo("non_compliant");
    assertThat(detail.get("message").isNull()).isTrue();
    Set<String> served = served(detail);
    assertThat(served).as("the same findings as core's matcher on the same image and bundle")
        .isEqualTo(coreFindings("debian12-app"));
    JsonNode log4shell = detail.get("vulnerabilities").valueStream()
        .filter(v -> v.get("id").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
    assertThat(log4shell.get("packageName").asString()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(log4shell.get("installedVersion").asString()).isEqualTo("2.14.1");
    assertThat(log4shell.get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(log4shell.get("knownExploited").asBoolean()).isTrue();
    assertThat(log4shell.get("fixedVersions").valueStream().map(JsonNode::asString)).contains("2.15.0");
    assertThat(log4shell.get("cvssV3").asDouble()).isEqualTo(10.0);
    assertThat(log4shell.get("layerDiffId").asString()).startsWith("sha256:");

    JsonNode baseline = detail.get("assessment").get("policies").valueStream()
        .filter(p -> p.get("name").asString().equals("baseline")).findFirst().orElseThrow();
    assertThat(baseline.get("blocks").asBoolean()).isTrue();
    assertThat(baseline.get("source").asString()).isEqualTo("baseline:baseline");
    assertThat(detail.get("assessment").get("policies").valueStream().map(p -> p.get("name").asString()))
        .as("strict ships disabled").doesNotContain("strict");
    Map<String, Integer> counts = new LinkedHashMap<>();
    detail.get("image").get("judgement").get("vulnerabilities").properties()
        .forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(served.size());
    assertThat(counts.get("CRITICAL")).isPositive();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ImageVerdictChanged.class, v -> {
        assertThat(v.image().imageId()).hasToString(imageId);
        assertThat(v.previous()).isNull();
        assertThat(v.current()).isEqualTo("non_compliant");
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("baseline: controls[1] knownExploited"));
      }));
      assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SevereVulnerabilityFound.class, s -> {
        assertThat(s.image().imageId()).hasToString(imageId);
        assertThat(s.vulnerabilityId()).isEqualTo("CVE-2021-44228");
        assertThat(s.knownExploited()).isTrue();
      }));
    });
  }

  @Test
  void anImageWithoutBlockingFindingsIsCompliant() throws Exception {
    scanOnce();
    JsonNode detail = detail(alpineId);
    assertThat(detail.get("image").get("judgement").get("verdict").asString()).isEqualTo("compliant");
    assertThat(served(detail)).isEqualTo(coreFindings("alpine-3.20.3")).contains("CVE-2024-9143 libcrypto3 3.3.2-r0");
    JsonNode baseline = detail.get("assessment").get("policies").valueStream()
        .filter(p -> p.get("name").asString().equals("baseline")).findFirst().orElseThrow();
    assertThat(baseline.get("blocks").asBoolean()).isFalse();
    assertThat(baseline.get("controls").valueStream().filter(c -> c.get("id").asString().endsWith("rootUser"))
        .findFirst().orElseThrow().get("verdict").asString()).as("audit only").isEqualTo("WARN");
  }

  @Test
  void imagesAreFilteredByTheirLatestJudgement() throws Exception {
    scanOnce();
    String app = repositoryPrefix + "/app";
    String alpine = repositoryPrefix + "/alpine";
    assertThat(ids("registry=" + registry.host())).containsExactlyInAnyOrder(appId, alpineId);
    assertThat(ids("registry=" + registry.host() + "&compliant=false")).containsExactly(appId);
    assertThat(ids("registry=" + registry.host() + "&compliant=true")).containsExactly(alpineId);
    assertThat(ids("registry=" + registry.host() + "&severity=critical")).containsExactly(appId);
    // "at least": alpine's highest severity selects it, the next one up does not.
    List<String> levels = List.of("UNKNOWN", "NEGLIGIBLE", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    int highest = detail(alpineId).get("vulnerabilities").valueStream()
        .mapToInt(v -> levels.indexOf(v.get("severity").asString())).max().orElseThrow();
    assertThat(highest).isLessThan(levels.indexOf("CRITICAL"));
    assertThat(ids("registry=" + registry.host() + "&severity=" + levels.get(highest)))
        .containsExactlyInAnyOrder(appId, alpineId);
    assertThat(ids("registry=" + registry.host() + "&severity=" + levels.get(highest + 1))).containsExactly(appId);
    assertThat(ids("repository=" + alpine + "&fixAvailable=true")).containsExactly(alpineId);
    assertThat(ids("repository=" + app + "&vulnerability=cve-2021-44228")).containsExactly(appId);
    assertThat(ids("repository=" + app + "&vulnerability=GHSA-jfh8-c2jp-5v3q")).as("by alias").containsExactly(appId);
    assertThat(ids("repository=" + alpine + "&vulnerability=CVE-2021-44228")).isEmpty();
    assertThat(ids("registry=" + registry.host() + "&scannedSince=2000-01-01T00:00:00Z")).hasSize(2);
    assertThat(ids("registry=" + registry.host() + "&scannedSince=" + Instant.now().plusSeconds(3600))).isEmpty();
    MvcResult bad = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?severity=severe")).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(bad).get("field").asString()).isEqualTo("severity");
    MvcResult badTime = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?scannedSince=yesterday")).andReturn();
    assertThat(read(badTime).get("field").asString()).isEqualTo("scannedSince");

    String metrics = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/actuator/prometheus")).andReturn().getResponse()
        .getContentAsString();
    assertThat(metrics).containsPattern("customs_images_verdict\\{[^}]*verdict=\"non_compliant\"[^}]*\\} [1-9]");

    JsonNode withLog4Shell = read(mvc.perform(as(Role.SCANNER, HttpMethod.GET,
        "/api/v1/vulnerabilities/CVE-2021-44228/images?size=500")).andReturn());
    assertThat(withLog4Shell.get("images").get("items").valueStream().map(i -> i.get("id").asString()))
        .contains(appId).doesNotContain(alpineId);
    assertThat(withLog4Shell.get("vulnerability").asString()).isEqualTo("CVE-2021-44228");
  }

  @Test
  void reportsComeInEveryFormatTheCliWrites() throws Exception {
    scanOnce();
    Map<String, String> types = Map.of("table", "text/plain;charset=UTF-8", "json", "application/json",
        "cyclonedx", "application/vnd.cyclonedx+json", "spdx", "application/spdx+json",
        "sarif", "application/sarif+json", "junit", "application/xml", "gitlab", "application/json",
        "html", "text/html;charset=UTF-8");
    for (Map.Entry<String, String> format : types.entrySet()) {
      MvcResult report = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId + "/report?format="
          + format.getKey())).andReturn();
      assertThat(report.getResponse().getStatus()).as(format.getKey()).isEqualTo(200);
      assertThat(report.getResponse().getContentType()).as(format.getKey()).isEqualTo(format.getValue());
      assertThat(report.getResponse().getContentAsString()).as(format.getKey()).isNotBlank();
    }
    JsonNode json = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId + "/report?format=json"))
        .andReturn());
    assertThat(json.toString()).contains("CVE-2021-44228");
    assertThat(json.get("assessment").get("compliant").asBoolean()).isFalse();
    JsonNode sarif = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId
        + "/report?format=sarif")).andReturn());
    assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
    JsonNode spdx = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId
        + "/report?format=spdx")).andReturn());
    assertThat(spdx.get("spdxVersion").asString()).isEqualTo("SPDX-2.3");
    String table = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId + "/report?format=table"))
        .andReturn().getResponse().getContentAsString();
    assertThat(table).contains("CVE-2021-44228", "log4j-core");
    MvcResult unknown = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + appId + "/report?format=pdf"))
        .andReturn();
    assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(unknown).get("detail").asString()).contains("table, json, cyclonedx", "spdx");
    assertThat(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + UUID.randomUUID() + "/report"))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void newVulnerabilityDataReMatchesStoredInventoriesWithoutScanning(@TempDir Path dir) throws Exception {
    scanOnce();
    int scans = scanCount(appId);
    // The same feeds without CISA KEV: Log4Shell is still found, but no longer known to be exploited.
    Path withoutKev = new BundleBuilder(Feeds.defaults(), Clock.systemUTC())
        .build(TestVulnData.allFeeds().stream().filter(f -> !f.kind().equals("kev")).toList(),
            dir.resolve("customs.db")).bundle();
    try {
      vulnData.install(withoutKev);
      await().atMost(TIMEOUT).untilAsserted(() -> assertThat(log4Shell(appId).get("knownExploited").asBoolean())
          .isFalse());
    } finally {
      vulnData.install(TestVulnData.sharedBundle());
    }
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(log4Shell(appId).get("knownExploited").asBoolean())
        .isTrue());
    assertThat(scanCount(appId)).as("matched again, not scanned again").isEqualTo(scans);
    assertThat(served(detail(appId))).isEqualTo(coreFindings("debian12-app"));
    assertThat(EVENTS.stream().filter(e -> e instanceof SevereVulnerabilityFound s
        && s.image().imageId().toString().equals(appId) && s.vulnerabilityId().equals("CVE-2021-44228")))
        .as("announced when first found, not again when matched again").hasSize(1);
  }

  private JsonNode log4Shell(String imageId) throws Exception {
    return detail(imageId).get("vulnerabilities").valueStream()
        .filter(v -> v.get("id").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
  }

  private List<String> ids(String query) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500&" + query)).andReturn());
    return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }
}
