package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.provider.RegistryEvent.Kind;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every provider's webhook parser against the registries' documented payloads in shared/testdata. */
class WebhookParsersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V2 = "application/vnd.docker.distribution.events.v2+json";
  private static final String V1 = "application/vnd.docker.distribution.events.v1+json";
  private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("generic", "distribution/notification-push-envelope.json", V2, List.of(
            new RegistryEvent(Kind.PUSH, "library/test", null,
                "sha256:fea8895f450959fa676bcc1df0611ea93823a735a01205fd8622846041d0c7cf", MANIFEST_V2))),
        Arguments.of("generic", "distribution/notification-push-envelope.event_test.json", V1, List.of(
            new RegistryEvent(Kind.PUSH, "library/test", null,
                "sha256:0123456789abcdef0", MANIFEST_V2))),
        Arguments.of("generic", "distribution/notification-pull-manifest.json", V2, List.of()),
        Arguments.of("gitlab", "distribution/notification-delete-envelope.RECONSTRUCTED.json", V1, List.of(
            RegistryEvent.delete("library/test", null,
                "sha256:d89e1bee20d9cb344674e213b581f14fbd8e70274ecf9d10c514bab78a307845"),
            RegistryEvent.delete("library/test", "latest", null),
            RegistryEvent.delete("library/test", null, null))),
        Arguments.of("dockerhub", "dockerhub/webhook-push.json", "application/json",
            List.of(RegistryEvent.push("svendowideit/testhook", "latest", null, null))),
        Arguments.of("dockerhub", "dockerhub/webhook-push.keel-fixture.json", "application/json",
            List.of(RegistryEvent.push("karolisr/keel", "0.1.7", null, null))),
        Arguments.of("harbor", "harbor/webhook-default-push-artifact.json", "application/json", List.of(
            RegistryEvent.push("harbor/alpine", null,
                "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4", null))),
        Arguments.of("harbor", "harbor/webhook-cloudevents-push-artifact.json", "application/cloudevents+json", List.of(
            RegistryEvent.push("harbor/alpine", null,
                "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4", null))),
        Arguments.of("harbor", "harbor/webhook-legacy-v1-pushImage.keel-fixture.json", "application/json", List.of(
            RegistryEvent.push("library/ai-rag", "1.2.3",
                "sha256:b4758aaed11c155a476b9857e1178f157759c99cb04c907a04993f5481eff848", null))),
        Arguments.of("acr", "acr/webhook-push.keel-fixture.json", "application/json", null),
        Arguments.of("acr", "acr/eventgrid-imagepushed.eventgrid-schema.json", "application/json", List.of(
            RegistryEvent.push("aci-helloworld", "v1",
                "sha256:213bbc182920ab41e18edc2001e06abcca6735d87782d9cef68abd83941cf0e5", MANIFEST_V2))),
        Arguments.of("acr", "acr/eventgrid-imagepushed.cloudevents-schema.json", "application/cloudevents+json", List.of(
            RegistryEvent.push("aci-helloworld", "v1",
                "sha256:213bbc182920ab41e18edc2001e06abcca6735d87782d9cef68abd83941cf0e5", MANIFEST_V2))),
        Arguments.of("acr", "acr/webhook-chart-push.json", "application/json", List.of()),
        Arguments.of("ecr", "ecr/eventbridge-image-action-push.json", "application/json; charset=utf-8", List.of(
            RegistryEvent.push("my-repository-name", "latest",
                "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234", null))),
        Arguments.of("ecr", "ecr/eventbridge-image-scan-basic.json", "application/json", List.of()),
        Arguments.of("ecr", "ecr/eventbridge-scan-resource-change.json", "application/json", List.of()),
        Arguments.of("gcr", "gcr/pubsub-push-envelope.json", "application/json",
            List.of(RegistryEvent.push("am/am.kebab.api", "test", null, null))),
        Arguments.of("quay", "quay/notification-repo_push.redhat-doc.json", "application/json",
            List.of(RegistryEvent.push("dgangaia/test", "latest", null, null))),
        Arguments.of("quay", "quay/notification-repo_push.legacy-2013-gist.json", "application/json",
            List.of(RegistryEvent.push("devtable/ubuntu", "latest", null, null))),
        Arguments.of("jfrog", "jfrog/webhook-docker-pushed.keel-fixture.json", "application/json",
            List.of(RegistryEvent.push("docker-remote-cache/library/ubuntu", "latest", null, null))),
        Arguments.of("jfrog", "jfrog/webhook-docker-deleted.data.jfrog-doc.json", "application/json",
            List.of(RegistryEvent.delete("sample_repo/sample_arch", "sample_image", null))),
        Arguments.of("nexus", "nexus/webhook-repository-component-created.flux-recv-fixture.json", "application/json",
            List.of(RegistryEvent.push("app1/alpine", "3.4", null, null))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("payloads")
  void parsesDocumentedPayload(String type, String file, String contentType, List<RegistryEvent> expected)
      throws Exception {
    WebhookDelivery delivery = parse(type, file, contentType);
    assertThat(delivery.reply()).isEmpty();
    if (expected != null) {
      assertThat(delivery.events()).containsExactlyElementsOf(expected);
    } else {
      assertThat(delivery.events()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(Kind.PUSH);
        assertThat(e.repository()).isNotBlank();
        assertThat(e.digest()).startsWith("sha256:");
      });
    }
  }

  @Test
  void acrWebhooksCarryMaskedDigestsVerbatimAndDeletes() throws Exception {
    assertThat(parse("acr", "acr/webhook-push.json", "application/json").events()).singleElement()
        .isEqualTo(new RegistryEvent(Kind.PUSH, "hello-world", "v1",
            "sha256:xxxxd5c8786bb9e621a45ece0dbxxxx1cdc624ad20da9fe62e9d25490f33xxxx", MANIFEST_V2));
    assertThat(parse("acr", "acr/webhook-delete.json", "application/json").events()).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.DELETE));
    assertThat(parse("acr", "acr/eventgrid-imagedeleted.eventgrid-schema.json", "application/json").events())
        .singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.DELETE));
  }

  @Test
  void eventGridSubscriptionValidationIsAnsweredWithItsCode() throws Exception {
    WebhookDelivery delivery = parse("acr", "acr/eventgrid-subscription-validation.json", "application/json");
    assertThat(delivery.events()).isEmpty();
    WebhookReply reply = delivery.reply().orElseThrow();
    assertThat(reply.status()).isEqualTo(200);
    String expected = Files.readString(TestData.testdata("registry-api/acr/eventgrid-subscription-validation-response.json"));
    assertThat(JSON.readTree(reply.body()))
        .isEqualTo(JSON.readTree(expected));
  }

  @Test
  void cloudEventsAbuseProtectionIsAnsweredWithTheAllowedOrigin() throws Exception {
    WebhookRequest options = WebhookRequest.of(Map.of("WebHook-Request-Origin", "eventgrid.azure.net"), new byte[0]);
    WebhookReply reply = parser("acr").parse(options).reply().orElseThrow();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers()).containsExactly(Map.entry("WebHook-Allowed-Origin", "eventgrid.azure.net"));
  }

  @Test
  void harborDeletesAndNonImageEvents() throws Exception {
    for (String format : List.of("default", "cloudevents")) {
      assertThat(parse("harbor", "harbor/webhook-" + format + "-delete-artifact.json", "application/json").events())
          .isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(Kind.DELETE));
      for (String other : List.of("pull-artifact", "scanning-completed", "scanning-failed", "scanning-stopped",
          "quota-exceed", "quota-warning", "replication", "tag-retention")) {
        assertThat(parse("harbor", "harbor/webhook-" + format + "-" + other + ".json", "application/json").events())
            .as(format + " " + other).isEmpty();
      }
    }
  }

  @Test
  void ecrDeleteAction() throws Exception {
    assertThat(parse("ecr", "ecr/eventbridge-image-action-delete.json", "application/json").events()).singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(Kind.DELETE);
          assertThat(e.repository()).isNotBlank();
        });
  }

  @Test
  void gcrInsertAndDeleteVariants() throws Exception {
    JsonNode messages = JSON.readTree(TestData.testdata("registry-api/gcr/gcr-topic-messages.RECONSTRUCTED.json").toFile());
    List<RegistryEvent> events = new ArrayList<>();
    for (JsonNode message : messages) {
      String data = Base64.getEncoder().encodeToString(message.toString().getBytes(StandardCharsets.UTF_8));
      String body = "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"1\"},\"subscription\":\"projects/p/subscriptions/s\"}";
      events.addAll(parser("gcr").parse(request(body.getBytes(StandardCharsets.UTF_8), "application/json")).events());
    }
    String repo = "my-project/my-repo/hello-world";
    assertThat(events).containsExactly(
        RegistryEvent.push(repo, "1.1", "sha256:6ec128e26cd5...", null),
        RegistryEvent.push(repo, null, "sha256:6ec128e26cd5...", null),
        RegistryEvent.delete(repo, "1.1", null),
        RegistryEvent.delete(repo, null, "sha256:6ec128e26cd5..."));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("gcr", "gcr/pubsub-push.flux-recv-fixture.VERBATIM.txt", "not valid JSON"),
        Arguments.of("generic", "dockerhub/webhook-push.json", "no \"events\" list"),
        Arguments.of("harbor", "quay/notification-repo_push.redhat-doc.json", "has no \"type\""),
        Arguments.of("quay", "harbor/webhook-default-push-artifact.json", "has no \"repository\""),
        Arguments.of("ecr", "harbor/webhook-default-push-artifact.json", "has no \"source\""),
        Arguments.of("dockerhub", "quay/notification-repo_push.redhat-doc.json", "\"push_data\" is not a JSON object"),
        Arguments.of("nexus", "dockerhub/webhook-push.json", "no \"component\""),
        Arguments.of("jfrog", "quay/notification-repo_push.redhat-doc.json", "has no \"event_type\""),
        Arguments.of("acr", "gcr/pubsub-push.flux-recv-fixture.VERBATIM.txt", "not valid JSON"));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("malformed")
  void malformedPayloadNamesProviderAndProblem(String type, String file, String problem) {
    assertThatThrownBy(() -> parse(type, file, "application/json"))
        .isInstanceOf(WebhookException.class)
        .hasMessageStartingWith(type + " webhook: ")
        .hasMessageContaining(problem);
  }

  @Test
  void emptyBodyAndWrongContentTypeAreErrors() {
    assertThatThrownBy(() -> parser("generic").parse(request(new byte[0], V2)))
        .isInstanceOf(WebhookException.class).hasMessage("generic webhook: the body is empty");
    assertThatThrownBy(() -> parser("generic").parse(request("{}".getBytes(StandardCharsets.UTF_8), "text/plain")))
        .isInstanceOf(WebhookException.class).hasMessageContaining("unexpected Content-Type text/plain");
    String badBase64 = "{\"message\":{\"data\":\"%%%\"}}";
    assertThatThrownBy(() -> parser("gcr").parse(request(badBase64.getBytes(StandardCharsets.UTF_8), "application/json")))
        .isInstanceOf(WebhookException.class).hasMessageContaining("message.data is not base64");
  }

  static WebhookDelivery parse(String type, String file, String contentType) throws IOException, WebhookException {
    byte[] body = Files.readAllBytes(TestData.testdata("registry-api/" + file));
    return parser(type).parse(request(body, contentType));
  }

  static WebhookParser parser(String type) {
    return RegistryProviders.forType(type).webhookParser();
  }

  static WebhookRequest request(byte[] body, String contentType) {
    return WebhookRequest.of(Map.of("Content-Type", contentType), body);
  }
}
