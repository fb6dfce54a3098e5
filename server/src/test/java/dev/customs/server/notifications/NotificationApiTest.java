package dev.customs.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.events.ImageSubject;
import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.events.SevereVulnerabilityFound;
import dev.customs.server.events.VulnerabilityDataStale;
import dev.customs.server.identity.Role;
import dev.customs.server.notifications.Receiver.Received;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions through the API, events through the application's own publisher, deliveries to
 * real HTTP endpoints on loopback: scope, signatures (checked with openssl), Slack and Teams
 * shapes, retries with backoff, refusals, and what the API shows of failures.
 */
@ServerTest
class NotificationApiTest extends ApiTestSupport {
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  @Autowired
  ApplicationEventPublisher events;

  private Receiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void aSignedWebhookReceivesNonComplianceInItsScopeOnly() throws Exception {
    String team = unique("team");
    JsonNode created = create(Map.of("name", unique("hook"), "channel", "webhook", "url", receiver.url("/hook"),
        "secret", "s3cret-key", "events", List.of("image.non_compliant"), "repositories", List.of(team + "/*")));
    assertThat(created.get("signed").asBoolean()).isTrue();
    assertThat(created.has("secret")).as("secrets are write-only").isFalse();

    events.publishEvent(new ImageVerdictChanged(image(team + "/app"), "compliant", "non_compliant",
        List.of("baseline: CVE-2024-0001 (critical, fixed in 1.2)")));
    events.publishEvent(new ImageVerdictChanged(image("other-" + team + "/app"), "compliant", "non_compliant",
        List.of()));
    events.publishEvent(new ImageVerdictChanged(image(team + "/still-bad"), "non_compliant", "non_compliant",
        List.of()));

    await().atMost(DELIVERY_TIMEOUT).until(() -> receiver.received("/hook").size() >= 1);
    Thread.sleep(1500); // room for a wrongly scoped delivery to arrive, which must not
    List<Received> got = receiver.received("/hook");
    assertThat(got).hasSize(1);
    Received delivery = got.getFirst();
    JsonNode body = json.readTree(delivery.body());
    assertThat(body.get("event").asString()).isEqualTo("image.non_compliant");
    assertThat(body.get("image").get("repository").asString()).isEqualTo(team + "/app");
    assertThat(body.get("text").asString()).contains("CVE-2024-0001");
    assertThat(delivery.header("X-Customs-Event")).isEqualTo("image.non_compliant");
    String timestamp = delivery.header("X-Customs-Timestamp");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset
        .offset(60L));
    assertThat(delivery.header("X-Customs-Signature-256"))
        .isEqualTo("sha256=" + opensslHmac("s3cret-key", timestamp + "." + delivery.body()));
    awaitDeliveries(created.get("id").asString(), "delivered", 1);
  }

  @Test
  void slackAndTeamsGetTheirOwnMessageShapesAndTheirUrlsStaySecret() throws Exception {
    String team = unique("team");
    JsonNode slack = create(Map.of("name", unique("slack"), "channel", "slack", "url",
        receiver.url("/services/T000/B000/slack-secret"), "events", List.of("vulnerability.severe"), "repositories",
        List.of(team + "/**")));
    JsonNode teams = create(Map.of("name", unique("teams"), "channel", "teams", "url",
        receiver.url("/workflows/abc/triggers/manual/paths/invoke") + "?api-version=2016-06-01&sig=SECRET",
        "events", List.of("vulnerability.severe"), "repositories", List.of(team + "/**")));
    assertThat(slack.get("target").asString()).doesNotContain("slack-secret").startsWith("http://127.0.0.1");
    assertThat(teams.get("target").asString()).doesNotContain("SECRET");

    events.publishEvent(new SevereVulnerabilityFound(image(team + "/web/api"), "CVE-2024-3094", "xz-utils",
        "5.6.0-0.2", "CRITICAL", true));

    await().atMost(DELIVERY_TIMEOUT).until(() -> receiver.received("/services/T000/B000/slack-secret").size() == 1
        && receiver.received("/workflows/abc/triggers/manual/paths/invoke").size() == 1);
    JsonNode slackBody = json.readTree(receiver.received("/services/T000/B000/slack-secret").getFirst().body());
    assertThat(slackBody.get("text").asString()).contains("CVE-2024-3094");
    assertThat(slackBody.get("blocks").get(0).get("type").asString()).isEqualTo("header");
    assertThat(slackBody.get("blocks").get(2).get("fields").valueStream().map(f -> f.get("text").asString()))
        .contains("*Known exploited*\nyes (CISA KEV)");
    JsonNode teamsBody = json.readTree(receiver.received("/workflows/abc/triggers/manual/paths/invoke")
        .getFirst().body());
    assertThat(teamsBody.get("type").asString()).isEqualTo("message");
    JsonNode card = teamsBody.get("attachments").get(0);
    assertThat(card.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
    assertThat(card.get("content").get("body").get(2).get("facts").valueStream()
        .map(f -> f.get("title").asString() + "=" + f.get("value").asString()))
        .contains("Package=xz-utils 5.6.0-0.2", "Severity=CRITICAL");
  }

  @Test
  void serverErrorsAreRetriedWithBackoffAndRefusalsFailAtOnceVisibly() throws Exception {
    receiver.answering(503, 500);
    JsonNode flaky = create(Map.of("name", unique("flaky"), "channel", "webhook", "url", receiver.url("/flaky"),
        "events", List.of("feed.stale")));
    events.publishEvent(new VulnerabilityDataStale(Instant.now().minus(Duration.ofDays(3)), Duration.ofDays(3),
        Duration.ofDays(2)));
    JsonNode delivered = awaitDeliveries(flaky.get("id").asString(), "delivered", 1).getFirst();
    assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
    assertThat(receiver.received("/flaky")).hasSize(3);
    assertThat(json.readTree(receiver.received("/flaky").get(2).body()).get("text").asString()).contains("3 days");

    receiver.answering(400);
    JsonNode refused = create(Map.of("name", unique("refused"), "channel", "webhook", "url",
        receiver.url("/refused"), "events", List.of("feed.stale")));
    MvcResult test = mvc.perform(as(Role.ADMIN, HttpMethod.POST,
        "/api/v1/notifications/subscriptions/" + refused.get("id").asString() + "/test")).andReturn();
    assertThat(test.getResponse().getStatus()).isEqualTo(202);
    JsonNode failed = awaitDeliveries(refused.get("id").asString(), "failed", 1).getFirst();
    assertThat(failed.get("attempts").asInt()).as("a 400 is not retried").isEqualTo(1);
    assertThat(failed.get("lastStatus").asInt()).isEqualTo(400);
    assertThat(failed.get("lastError").asString()).contains("answered 400", "refused: status 400");

    MvcResult retried = mvc.perform(as(Role.ADMIN, HttpMethod.POST,
        "/api/v1/notifications/deliveries/" + failed.get("id").asString() + "/retry")).andReturn();
    assertThat(read(retried).get("state").asString()).isEqualTo("pending");
    awaitDeliveries(refused.get("id").asString(), "delivered", 1);
  }

  @Test
  void aScanThatDiesForGoodNotifiesItsRegistrysSubscribers() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    JsonNode registry = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"),
        Map.of("name", unique("gone"), "type", "generic", "url", "http://127.0.0.1:" + closedPort, "insecure", true)))
        .andReturn());
    create(Map.of("name", unique("failures"), "channel", "webhook", "url", receiver.url("/failures"),
        "events", List.of("scan.failed"), "registryId", registry.get("id").asString()));
    JsonNode registered = read(mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", "127.0.0.1:" + closedPort + "/team/app:1.0"))).andReturn());

    await().atMost(DELIVERY_TIMEOUT).until(() -> receiver.received("/failures").size() == 1);
    JsonNode body = json.readTree(receiver.received("/failures").getFirst().body());
    assertThat(body.get("event").asString()).isEqualTo("scan.failed");
    assertThat(body.get("image").get("imageId").asString()).isEqualTo(registered.get("image").get("id").asString());
    assertThat(body.get("facts").get("Scan").asString()).isEqualTo(registered.get("scan").get("id").asString());
    assertThat(body.get("facts").get("Error").asString()).isNotBlank();
  }

  @Test
  void badSubscriptionsAreRefusedWithTheField() throws Exception {
    MvcResult metadata = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        Map.of("name", unique("meta"), "channel", "webhook", "url", "http://169.254.169.254/latest",
            "events", List.of("scan.failed")))).andReturn();
    assertThat(metadata.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(metadata).get("detail").asString()).contains("169.254.169.254", "request forgery");

    MvcResult mail = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        Map.of("name", unique("mail"), "channel", "email", "recipients", List.of("not an address@@"),
            "events", List.of("scan.failed")))).andReturn();
    assertThat(mail.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(mail).get("detail").asString()).contains("not an address@@");

    MvcResult event = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        Map.of("name", unique("ev"), "channel", "webhook", "url", receiver.url("/x"),
            "events", List.of("image.exploded")))).andReturn();
    assertThat(event.getResponse().getStatus()).isEqualTo(400);
    assertThat(event.getResponse().getContentAsString()).contains("image.exploded");

    MvcResult auditor = mvc.perform(jsonBody(as(Role.AUDITOR, HttpMethod.POST,
        "/api/v1/notifications/subscriptions"), Map.of("name", unique("aud"), "channel", "webhook",
        "url", receiver.url("/x"), "events", List.of("scan.failed")))).andReturn();
    assertThat(auditor.getResponse().getStatus()).isEqualTo(403);
  }

  private JsonNode create(Map<String, Object> body) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        body)).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return read(result);
  }

  private List<JsonNode> awaitDeliveries(String subscriptionId, String state, int count) {
    return await().atMost(DELIVERY_TIMEOUT).until(() -> read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET,
            "/api/v1/notifications/deliveries?subscription=" + subscriptionId + "&state=" + state))
            .andReturn()).get("items").valueStream().toList(),
        items -> items.size() == count);
  }

  private static ImageSubject image(String repository) {
    return new ImageSubject(UUID.randomUUID(), null, "registry.example.com", repository,
        "registry.example.com/" + repository + ":1.0", "sha256:" + "ab".repeat(32));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The HMAC as openssl computes it: an independent oracle for the signature. */
  private static String opensslHmac(String key, String data) throws Exception {
    Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", key).redirectErrorStream(true).start();
    try (OutputStream in = openssl.getOutputStream()) {
      in.write(data.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(openssl.waitFor()).as(out).isZero();
    return out.substring(out.lastIndexOf(' ') + 1);
  }
}
