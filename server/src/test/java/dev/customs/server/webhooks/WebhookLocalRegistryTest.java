package dev.customs.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real CNCF registry with notifications pointed at the running server: {@code skopeo copy}
 * into it leads to a registered, scanned image; and a burst of deliveries over HTTP loses nothing.
 * {@link ServerTest} listens on a random port, which the registry's notifications reach.
 */
@ServerTest
class WebhookLocalRegistryTest extends ApiTestSupport {
  private static final String SECRET = "notify-secret-3";
  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(120);
  /** Deliveries in the burst; scripts/bench-webhooks.sh sends 1,000. */
  private static final int BURST = 300;

  @LocalServerPort
  int port;

  @Test
  void aSkopeoCopyIntoTheRegistryIsRegisteredAndScanned() throws Exception {
    String name = "notifying-" + UUID.randomUUID();
    String id = createRegistry(name, "http://127.0.0.1:1");
    try (LocalRegistry registry = LocalRegistry.startWithNotifications(webhookUrl(id), "Authorization: Bearer " + SECRET)) {
      updateUrl(id, name, registry.url());
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "pushed/alpine:3.20.3");

      JsonNode image = await().atMost(SCAN_TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> scannedImage(id, "pushed/alpine"), i -> i != null);
      assertThat(image.get("reference").asString()).isEqualTo(registry.host() + "/pushed/alpine:3.20.3");
      assertThat(image.get("source").asString()).isEqualTo("webhook");
      assertThat(image.get("digest").asString()).startsWith("sha256:");
      assertThat(image.get("latestResult").get("packageCount").asInt()).isPositive();
      JsonNode inventory = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET,
          "/api/v1/images/" + image.get("id").asString() + "/inventory")).andReturn());
      assertThat(inventory.get("packages").valueStream().map(p -> p.get("name").asString())).contains("musl");
    }
  }

  @Test
  void aBurstOfDeliveriesLosesNothing() throws Exception {
    // nothing listens on port 1: the queued scans fail fast instead of pulling 300 images
    String id = createRegistry("burst-" + UUID.randomUUID(), "http://127.0.0.1:1");
    ObjectNode template = (ObjectNode) json.readTree(TestData.testdata(
        "registry-api/distribution/notification-push-envelope.json").toFile());
    HttpClient http = HttpClient.newHttpClient();
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < BURST; i++) {
        String body = burstEnvelope(template, i);
        responses.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(webhookUrl(id)))
            .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
            .header("Authorization", "Bearer " + SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())));
      }
    }
    for (Future<HttpResponse<String>> response : responses) {
      assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(202);
    }
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500")
        .queryParam("repository", "burst/app")).andReturn());
    List<JsonNode> images = page.get("items").valueStream()
        .filter(i -> id.equals(i.get("registryId").asString(null))).toList();
    assertThat(images).hasSize(BURST).allSatisfy(i -> assertThat(i.get("latestScan").isNull()).isFalse());
  }

  /** The documented envelope with its manifest event renamed to tag {@code t<i>} and a digest of its own. */
  private String burstEnvelope(ObjectNode template, int i) throws Exception {
    ObjectNode envelope = template.deepCopy();
    ObjectNode target = (ObjectNode) envelope.get("events").get(0).get("target");
    target.put("repository", "burst/app");
    target.put("tag", "t" + i);
    target.put("digest", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(("burst-" + i).getBytes(StandardCharsets.UTF_8))));
    return json.writeValueAsString(envelope);
  }

  private JsonNode scannedImage(String registryId, String repository) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500")
        .queryParam("repository", repository)).andReturn());
    return page.get("items").valueStream().filter(i -> registryId.equals(i.get("registryId").asString(null)))
        .filter(i -> !i.get("latestResult").isNull()).findFirst().orElse(null);
  }

  private String webhookUrl(String id) {
    return "http://127.0.0.1:" + port + "/api/v1/registries/" + id + "/webhook";
  }

  private String createRegistry(String name, String url) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body(name, url)))
        .andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return read(result).get("id").asString();
  }

  private void updateUrl(String id, String name, String url) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/registries/" + id), body(name, url)))
        .andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
  }

  private static Map<String, Object> body(String name, String url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "generic");
    body.put("url", url);
    body.put("insecure", true);
    body.put("webhookSecret", SECRET);
    return body;
  }
}
