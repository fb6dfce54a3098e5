package dev.customs.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/registries/{id}/webhook} with every registry type's documented payload. */
@ServerTest
class WebhookApiTest extends ApiTestSupport {
  private static final String SECRET = "hook-secret-7";
  private static final String V2 = "application/vnd.docker.distribution.events.v2+json";

  /** How each registry type carries the webhook secret (see docs/registries.md). */
  enum Auth { BEARER, VERBATIM, BASIC, QUERY, HMAC_SHA256, HMAC_SHA1 }

  static Stream<Arguments> deliveries() {
    return Stream.of(
        Arguments.of("generic", "distribution/notification-push-envelope.json", V2, Auth.BEARER, "library/test"),
        Arguments.of("gitlab", "distribution/notification-push-envelope.json", V2, Auth.VERBATIM, "library/test"),
        Arguments.of("dockerhub", "dockerhub/webhook-push.json", "application/json", Auth.QUERY,
            "svendowideit/testhook"),
        Arguments.of("harbor", "harbor/webhook-default-push-artifact.json", "application/json", Auth.VERBATIM,
            "harbor/alpine"),
        Arguments.of("acr", "acr/eventgrid-imagepushed.eventgrid-schema.json", "application/json", Auth.BEARER,
            "aci-helloworld"),
        Arguments.of("ecr", "ecr/eventbridge-image-action-push.json", "application/json", Auth.BASIC,
            "my-repository-name"),
        Arguments.of("gcr", "gcr/pubsub-push-envelope.json", "application/json", Auth.QUERY, "am/am.kebab.api"),
        Arguments.of("quay", "quay/notification-repo_push.redhat-doc.json", "application/json", Auth.QUERY,
            "dgangaia/test"),
        Arguments.of("jfrog", "jfrog/webhook-docker-pushed.keel-fixture.json", "application/json", Auth.HMAC_SHA256,
            "docker-remote-cache/library/ubuntu"),
        Arguments.of("nexus", "nexus/webhook-repository-component-created.flux-recv-fixture.json",
            "application/json", Auth.HMAC_SHA1, "app1/alpine"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deliveries")
  void aPushRegistersTheImageAndQueuesItsScan(String type, String file, String contentType, Auth auth,
      String repository) throws Exception {
    String id = registry(type);
    byte[] body = payload(file);
    MvcResult result = mvc.perform(delivery(id, body, contentType, auth, SECRET)).andReturn();

    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(202);
    JsonNode accepted = read(result);
    assertThat(accepted.get("registered").asInt()).isEqualTo(1);
    assertThat(images(id, repository)).singleElement().satisfies(image -> {
      assertThat(image.get("repository").asString()).isEqualTo(repository);
      assertThat(image.get("source").asString()).isEqualTo("webhook");
      assertThat(image.get("latestScan").isNull()).isFalse();
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deliveries")
  void aForgedDeliveryIsRejectedAndAudited(String type, String file, String contentType, Auth auth, String repository)
      throws Exception {
    String id = registry(type);
    byte[] body = payload(file);
    assertThat(mvc.perform(delivery(id, body, contentType, auth, "guessed-secret")).andReturn().getResponse()
        .getStatus()).isEqualTo(401);
    assertThat(mvc.perform(request(HttpMethod.POST, "/api/v1/registries/" + id + "/webhook")
        .contentType(contentType).content(body)).andReturn().getResponse().getStatus()).as("no secret").isEqualTo(401);

    assertThat(images(id, repository)).isEmpty();
    assertThat(rejections(id)).hasSize(2).allSatisfy(detail -> assertThat(detail).contains("webhook secret"));
  }

  @Test
  void anUnknownRegistryOrOneWithoutWebhookSecretIsRejected() throws Exception {
    String unknown = UUID.randomUUID().toString();
    byte[] body = payload("distribution/notification-push-envelope.json");
    assertThat(mvc.perform(delivery(unknown, body, V2, Auth.BEARER, SECRET)).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    assertThat(rejections(unknown)).singleElement().satisfies(d -> assertThat(d).contains("no registry integration"));

    Map<String, Object> noSecret = registryBody("generic");
    noSecret.remove("webhookSecret");
    String id = create(noSecret);
    assertThat(mvc.perform(delivery(id, body, V2, Auth.BEARER, SECRET)).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    assertThat(rejections(id)).singleElement().satisfies(d -> assertThat(d).contains("no webhook secret"));
  }

  @Test
  void redeliveriesKeepOneImageAndOneQueuedScan() throws Exception {
    String id = registry("generic");
    byte[] body = payload("distribution/notification-push-envelope.json");
    List<Future<MvcResult>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 24; i++) {
        results.add(pool.submit(() -> mvc.perform(delivery(id, body, V2, Auth.BEARER, SECRET)).andReturn()));
      }
    }
    int registered = 0;
    for (Future<MvcResult> result : results) {
      assertThat(result.get().getResponse().getStatus()).isEqualTo(202);
      registered += read(result.get()).get("registered").asInt();
    }
    assertThat(registered).isEqualTo(1);
    assertThat(images(id, "library/test")).hasSize(1);
  }

  @Test
  void aDeleteEventMarksTheImageDeleted() throws Exception {
    String id = registry("gitlab");
    mvc.perform(delivery(id, payload("distribution/notification-push-envelope.json"), V2, Auth.VERBATIM, SECRET));
    assertThat(images(id, "library/test")).singleElement().satisfies(i -> assertThat(i.get("deletedAt").isNull()).isTrue());

    MvcResult deleted = mvc.perform(delivery(id, payload("distribution/notification-delete-envelope.RECONSTRUCTED.json"),
        "application/vnd.docker.distribution.events.v1+json", Auth.VERBATIM, SECRET)).andReturn();
    assertThat(deleted.getResponse().getStatus()).isEqualTo(202);
    assertThat(read(deleted).get("deleted").asInt()).isEqualTo(1);
    assertThat(images(id, "library/test")).singleElement().satisfies(i -> assertThat(i.get("deletedAt").isNull()).isFalse());
  }

  @Test
  void theEventGridValidationHandshakeIsAnsweredAsGiven() throws Exception {
    String id = registry("acr");
    MvcResult result = mvc.perform(delivery(id, payload("acr/eventgrid-subscription-validation.json"),
        "application/json", Auth.QUERY, SECRET).header("aeg-event-type", "SubscriptionValidation")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    JsonNode expected = json.readTree(payload("acr/eventgrid-subscription-validation-response.json"));
    assertThat(read(result)).isEqualTo(expected);
    assertThat(images(id, "library/test")).isEmpty();
  }

  @Test
  void aBodyThatIsNotTheRegistrysPayloadIsABadRequest() throws Exception {
    String id = registry("harbor");
    MvcResult result = mvc.perform(delivery(id, "{not json".getBytes(StandardCharsets.UTF_8), "application/json",
        Auth.VERBATIM, SECRET)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).contains("not a harbor webhook delivery");
  }

  private MockHttpServletRequestBuilder delivery(String id, byte[] body, String contentType, Auth auth, String secret) {
    MockHttpServletRequestBuilder request = request(HttpMethod.POST, "/api/v1/registries/" + id + "/webhook")
        .contentType(contentType).content(body);
    return switch (auth) {
      case BEARER -> request.header("Authorization", "Bearer " + secret);
      case VERBATIM -> request.header("Authorization", secret);
      case BASIC -> request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(("eventbridge:" + secret).getBytes(StandardCharsets.UTF_8)));
      case QUERY -> request.queryParam("token", secret);
      case HMAC_SHA256 -> request.header("X-JFrog-Event-Auth", hmac("HmacSHA256", secret, body));
      case HMAC_SHA1 -> request.header("X-Nexus-Webhook-Signature", hmac("HmacSHA1", secret, body));
    };
  }

  private String registry(String type) throws Exception {
    return create(registryBody(type));
  }

  private String create(Map<String, Object> body) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return read(result).get("id").asString();
  }

  /** Each registry its own host, so images of one test never collide with another's. */
  private static Map<String, Object> registryBody(String type) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "hook-" + type + "-" + unique);
    body.put("type", type);
    body.put("url", "https://" + type + "-" + unique + ".registry.example");
    body.put("webhookSecret", SECRET);
    return body;
  }

  private List<JsonNode> images(String registryId, String repository) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500")
        .queryParam("repository", repository)).andReturn());
    return page.get("items").valueStream().filter(i -> registryId.equals(i.get("registryId").asString(null)))
        .toList();
  }

  private List<String> rejections(String registryId) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.ADMIN, HttpMethod.GET, "/api/v1/audit?size=500")).andReturn());
    return page.get("items").valueStream()
        .filter(e -> e.get("action").asString().equals("registry.webhook.rejected"))
        .filter(e -> registryId.equals(e.get("targetId").asString()))
        .map(e -> e.get("detail").asString()).toList();
  }

  private static byte[] payload(String file) throws Exception {
    return Files.readAllBytes(TestData.testdata("registry-api/" + file));
  }

  private static String hmac(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
