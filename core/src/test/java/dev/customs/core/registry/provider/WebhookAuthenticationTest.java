package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each provider accepts a delivery carrying its secret the way that registry sends it, and nothing else. */
class WebhookAuthenticationTest {
  private static final String SECRET = "s3cr3t-value";
  private static final byte[] BODY = "{\"any\":\"body\"}".getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> genuine() {
    String basic = "Basic " + Base64.getEncoder().encodeToString(("eventbridge:" + SECRET).getBytes(StandardCharsets.UTF_8));
    return Stream.of(
        Arguments.of("generic", Map.of("Authorization", "Bearer " + SECRET), Map.of()),
        Arguments.of("gitlab", Map.of("Authorization", SECRET), Map.of()),
        Arguments.of("harbor", Map.of("Authorization", SECRET), Map.of()),
        Arguments.of("acr", Map.of("Authorization", "Bearer " + SECRET), Map.of()),
        Arguments.of("acr", Map.of("aeg-event-type", "Notification"), Map.of("token", SECRET)),
        Arguments.of("ecr", Map.of("Authorization", basic), Map.of()),
        Arguments.of("ecr", Map.of("x-api-key", SECRET), Map.of()),
        Arguments.of("dockerhub", Map.of(), Map.of("token", SECRET)),
        Arguments.of("gcr", Map.of("Authorization", "Bearer google-oidc-jwt"), Map.of("token", SECRET)),
        Arguments.of("quay", Map.of(), Map.of("token", SECRET)),
        Arguments.of("jfrog", Map.of("X-JFrog-Event-Auth", hmac("HmacSHA256", SECRET, BODY)), Map.of()),
        Arguments.of("jfrog", Map.of("X-JFrog-Event-Auth", SECRET), Map.of()),
        Arguments.of("nexus", Map.of("X-Nexus-Webhook-Signature", hmac("HmacSHA1", SECRET, BODY)), Map.of()));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("genuine")
  void acceptsTheSecretAsTheRegistrySendsIt(String type, Map<String, String> headers, Map<String, String> query) {
    WebhookParser parser = RegistryProviders.forType(type).webhookParser();
    assertThat(parser.authenticate(WebhookRequest.of(headers, BODY).withQuery(query), SECRET)).isTrue();
    assertThat(parser.authenticate(WebhookRequest.of(headers, BODY).withQuery(query), SECRET + "x"))
        .as("another secret").isFalse();
    assertThat(parser.authenticate(WebhookRequest.of(Map.of(), BODY), SECRET)).as("nothing presented").isFalse();
    assertThat(parser.authenticate(WebhookRequest.of(headers, BODY).withQuery(query), "")).as("no secret configured")
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("genuine")
  void rejectsAForgedValue(String type, Map<String, String> headers, Map<String, String> query) {
    WebhookParser parser = RegistryProviders.forType(type).webhookParser();
    Map<String, String> forgedHeaders = new HashMap<>();
    headers.forEach((k, v) -> forgedHeaders.put(k, v.startsWith("Basic ")
        ? "Basic " + Base64.getEncoder().encodeToString("eventbridge:guess".getBytes(StandardCharsets.UTF_8))
        : v.replace(SECRET, "guess").replaceAll("[0-9a-f]{40,}", "0".repeat(40))));
    Map<String, String> forgedQuery = new HashMap<>();
    query.forEach((k, v) -> forgedQuery.put(k, "guess"));
    assertThat(parser.authenticate(WebhookRequest.of(forgedHeaders, BODY).withQuery(forgedQuery), SECRET)).isFalse();
  }

  @Test
  void nexusSignatureMatchesTheTestVectorAndNotATamperedBody() throws Exception {
    List<String> vector = Files.readAllLines(TestData.testdata("registry-api/nexus/webhook-signature-vector.txt"));
    String secret = value(vector, "secret=");
    String signature = value(vector, "X-Nexus-Webhook-Signature=");
    byte[] body = Files.readAllBytes(TestData.testdata(
        "registry-api/nexus/webhook-repository-component-created.flux-recv-fixture.body-exact.bin"));
    WebhookParser nexus = RegistryProviders.forType("nexus").webhookParser();
    Map<String, String> headers = Map.of("X-Nexus-Webhook-Signature", signature, "X-Nexus-Webhook-Id",
        "rm:repository:component");
    assertThat(nexus.authenticate(WebhookRequest.of(headers, body), secret)).isTrue();
    assertThat(nexus.authenticate(WebhookRequest.of(headers, body), "wrong-secret")).isFalse();
    byte[] tampered = body.clone();
    tampered[tampered.length - 3] ^= 1;
    assertThat(nexus.authenticate(WebhookRequest.of(headers, tampered), secret)).isFalse();
    assertThat(nexus.authenticate(WebhookRequest.of(Map.of("X-Nexus-Webhook-Id", "rm:repository:component"), body),
        secret)).as("signature header missing").isFalse();
  }

  @Test
  void harborSendsThePolicyHeaderVerbatimSoAPrefixedGuessFails() {
    WebhookParser harbor = RegistryProviders.forType("harbor").webhookParser();
    assertThat(harbor.authenticate(WebhookRequest.of(Map.of("authorization", "Bearer " + SECRET), BODY), SECRET)).isTrue();
    assertThat(harbor.authenticate(WebhookRequest.of(Map.of("Authorization", "Basic " + SECRET), BODY), SECRET))
        .isFalse();
  }

  private static String value(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()).strip();
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
