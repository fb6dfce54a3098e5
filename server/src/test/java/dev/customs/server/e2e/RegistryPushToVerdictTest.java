package dev.customs.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.server.notifications.Receiver;
import dev.customs.server.vulndata.VulnerabilityData;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * End to end with real parts only: the real CNCF registry with notifications pointed at the
 * console, a {@code skopeo copy} of debian12-app into it, and the bundle of the real test feeds.
 * The push alone must lead to a registered, scanned, matched and judged image (non-compliant under
 * the shipped baseline policy, Log4Shell among its findings, all read through REST), and a webhook
 * subscription on loopback must be told both that the image became non-compliant and that it
 * carries a known-exploited vulnerability.
 */
@ServerTest
class RegistryPushToVerdictTest extends ApiTestSupport {
  private static final String SECRET = "e2e-notify-secret";
  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  @LocalServerPort
  int port;

  @BeforeAll
  static void loadTheRealBundle(@Autowired VulnerabilityData vulnData) throws Exception {
    vulnData.install(TestVulnData.sharedBundle());
  }

  @Test
  void aPushIntoTheRegistryEndsJudgedAndNotified() throws Exception {
    String repository = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "/app";
    try (Receiver receiver = new Receiver()) {
      createSubscription(receiver.url("/customs"), repository);
      String registryName = "e2e-push-" + UUID.randomUUID();
      String registryId = createRegistry(registryName, "http://127.0.0.1:1");
      try (LocalRegistry registry = LocalRegistry.startWithNotifications(webhookUrl(registryId),
          "Authorization: Bearer " + SECRET)) {
        updateRegistry(registryId, registryName, registry.url());
        registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12-app", repository + ":1");

        JsonNode image = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
            .until(() -> judgedImage(registryId, repository), i -> i != null);
        assertThat(image.get("source").asString()).isEqualTo("webhook");
        assertThat(image.get("reference").asString()).isEqualTo(registry.host() + "/" + repository + ":1");
        String imageId = image.get("id").asString();

        JsonNode detail = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + imageId))
            .andReturn());
        assertThat(detail.get("image").get("judgement").get("verdict").asString()).isEqualTo("non_compliant");
        assertThat(detail.get("scans")).as("the push was scanned once").hasSize(1);
        JsonNode log4shell = detail.get("vulnerabilities").valueStream()
            .filter(v -> v.get("id").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(log4shell.get("packageName").asString()).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(log4shell.get("knownExploited").asBoolean()).isTrue();
        JsonNode baseline = detail.get("assessment").get("policies").valueStream()
            .filter(p -> p.get("name").asString().equals("baseline")).findFirst().orElseThrow();
        assertThat(baseline.get("blocks").asBoolean()).isTrue();
        JsonNode nonCompliant = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET,
            "/api/v1/images?size=500&compliant=false").queryParam("repository", repository)).andReturn());
        assertThat(nonCompliant.get("items").valueStream().map(i -> i.get("id").asString())).containsExactly(imageId);

        await().atMost(TIMEOUT).untilAsserted(() -> {
          List<JsonNode> got = bodies(receiver);
          assertThat(got).anySatisfy(b -> {
            assertThat(b.get("event").asString()).isEqualTo("image.non_compliant");
            assertThat(b.get("image").get("imageId").asString()).isEqualTo(imageId);
            assertThat(b.get("image").get("repository").asString()).isEqualTo(repository);
            // names what blocks: both known-exploited findings, and the first severe ones of many
            assertThat(b.get("text").asString()).contains(repository, "knownExploited: 2 known-exploited"
                + " vulnerabilities (CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1")
                .containsPattern("vulnerabilitySeverity: .* and \\d+ more\\)");
          });
          assertThat(got).anySatisfy(b -> {
            assertThat(b.get("event").asString()).isEqualTo("vulnerability.severe");
            assertThat(b.get("image").get("imageId").asString()).isEqualTo(imageId);
            assertThat(b.toString()).contains("CVE-2021-44228");
          });
        });
        assertThat(bodies(receiver)).as("every delivery is about this image")
            .allSatisfy(b -> assertThat(b.get("image").get("imageId").asString()).isEqualTo(imageId))
            .filteredOn(b -> b.get("event").asString().equals("image.non_compliant")).hasSize(1);
      }
    }
  }

  private List<JsonNode> bodies(Receiver receiver) {
    return receiver.received("/customs").stream().map(r -> json.readTree(r.body())).toList();
  }

  /** The image the registry's notification registered, once it has a judgement. */
  private JsonNode judgedImage(String registryId, String repository) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500")
        .queryParam("repository", repository)).andReturn());
    return page.get("items").valueStream().filter(i -> registryId.equals(i.get("registryId").asString(null)))
        .filter(i -> !i.path("judgement").isNull() && !i.path("judgement").isMissingNode())
        .findFirst().orElse(null);
  }

  private void createSubscription(String url, String repository) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        Map.of("name", "e2e-" + UUID.randomUUID(), "channel", "webhook", "url", url,
            "events", List.of("image.non_compliant", "vulnerability.severe"), "repositories", List.of(repository))))
        .andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
  }

  private String webhookUrl(String registryId) {
    return "http://127.0.0.1:" + port + "/api/v1/registries/" + registryId + "/webhook";
  }

  /**
   * The registry integration exists before the registry does (its notifications need the webhook
   * URL, which names the integration); its URL is set once the registry listens.
   */
  private String createRegistry(String name, String url) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"),
        registryBody(name, url))).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return read(result).get("id").asString();
  }

  private void updateRegistry(String id, String name, String url) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/registries/" + id),
        registryBody(name, url))).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
  }

  private static Map<String, Object> registryBody(String name, String url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "generic");
    body.put("url", url);
    body.put("insecure", true);
    body.put("webhookSecret", SECRET);
    return body;
  }
}
