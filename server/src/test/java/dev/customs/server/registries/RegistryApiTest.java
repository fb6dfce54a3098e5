package dev.customs.server.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.server.secrets.SecretUnreadableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class RegistryApiTest extends ApiTestSupport {
  private static final String PASSWORD = "s3cret-registry-password";
  private static final String WEBHOOK = "webhook-shared-secret-42";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  RegistryService service;
  @Autowired
  RegistrySecrets secrets;

  @Test
  void secretsAreSealedAtRestAndNeverReturnedOrLogged(CapturedOutput output) throws Exception {
    Map<String, Object> body = registry("harbor-" + UUID.randomUUID());
    body.put("username", "robot");
    body.put("password", PASSWORD);
    body.put("webhookSecret", WEBHOOK);
    MvcResult created = send(HttpMethod.POST, "/api/v1/registries", body);
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    JsonNode registry = read(created);
    UUID id = UUID.fromString(registry.get("id").asString());
    assertThat(registry.get("hasPassword").asBoolean()).isTrue();
    assertThat(registry.get("hasWebhookSecret").asBoolean()).isTrue();
    assertThat(registry.get("auth").asString()).isEqualTo("password");

    String sealed = jdbc.sql("select secret_enc from registries where id = ?").param(id).query(String.class).single();
    String sealedWebhook = jdbc.sql("select webhook_secret_enc from registries where id = ?").param(id)
        .query(String.class).single();
    assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD);
    assertThat(sealedWebhook).startsWith("v1:").doesNotContain(WEBHOOK);
    assertThat(secrets.openCredential(service.find(id))).isEqualTo(PASSWORD);
    assertThat(secrets.openWebhookSecret(service.find(id))).isEqualTo(WEBHOOK);

    String everything = created.getResponse().getContentAsString()
        + get("/api/v1/registries/" + id) + get("/api/v1/registries?size=500") + get("/api/v1/audit?size=500");
    assertThat(everything).contains("robot").doesNotContain(PASSWORD).doesNotContain(WEBHOOK);
    assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(WEBHOOK);
  }

  @Test
  void replacingKeepsAbsentSecretsAndClearsEmptyOnes() throws Exception {
    Map<String, Object> body = registry("quay-" + UUID.randomUUID());
    body.put("username", "robot");
    body.put("password", PASSWORD);
    String id = read(send(HttpMethod.POST, "/api/v1/registries", body)).get("id").asString();

    body.remove("password");
    body.put("rescanCron", "0 3 * * *");
    JsonNode kept = read(send(HttpMethod.PUT, "/api/v1/registries/" + id, body));
    assertThat(kept.get("hasPassword").asBoolean()).isTrue();
    assertThat(kept.get("rescanCron").asString()).isEqualTo("0 3 * * *");
    assertThat(secrets.openCredential(service.find(UUID.fromString(id)))).isEqualTo(PASSWORD);

    body.put("token", "glpat-abcdef");
    body.remove("username");
    JsonNode token = read(send(HttpMethod.PUT, "/api/v1/registries/" + id, body));
    assertThat(token.get("hasToken").asBoolean()).isTrue();
    assertThat(token.get("hasPassword").asBoolean()).isFalse();

    body.put("token", "");
    JsonNode cleared = read(send(HttpMethod.PUT, "/api/v1/registries/" + id, body));
    assertThat(cleared.get("auth").asString()).isEqualTo("none");
    assertThat(jdbc.sql("select count(*) from registries where id = ? and secret_enc is null")
        .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aCiphertextCopiedToAnotherRegistryDoesNotDecrypt() throws Exception {
    Map<String, Object> first = registry("a-" + UUID.randomUUID());
    first.put("username", "u");
    first.put("password", PASSWORD);
    UUID a = UUID.fromString(read(send(HttpMethod.POST, "/api/v1/registries", first)).get("id").asString());
    Map<String, Object> second = registry("b-" + UUID.randomUUID());
    second.put("username", "u");
    second.put("password", "other-password");
    UUID b = UUID.fromString(read(send(HttpMethod.POST, "/api/v1/registries", second)).get("id").asString());
    jdbc.sql("update registries set secret_enc = (select secret_enc from registries where id = ?) where id = ?")
        .params(a, b).update();
    assertThatThrownBy(() -> secrets.openCredential(service.find(b)))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("registry:" + b).hasMessageNotContaining(PASSWORD);
  }

  @Test
  void firstStartCreatedTheDockerHubIntegration() throws Exception {
    JsonNode list = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/registries?size=500")).andReturn());
    assertThat(list.get("items").valueStream().filter(r -> r.get("name").asString().equals("Docker Hub")))
        .singleElement().satisfies(r -> {
          assertThat(r.get("type").asString()).isEqualTo("dockerhub");
          assertThat(r.get("url").asString()).isEqualTo("https://registry-1.docker.io");
          assertThat(r.get("auth").asString()).isEqualTo("none");
        });
  }

  @Test
  void onPremisesLoopbackRegistryIsAllowedByDefault() throws Exception {
    Map<String, Object> body = registry("local-" + UUID.randomUUID());
    body.put("url", "http://127.0.0.1:5000");
    body.put("insecure", true);
    assertThat(send(HttpMethod.POST, "/api/v1/registries", body).getResponse().getStatus()).isEqualTo(201);
  }

  @Test
  void duplicateNamesAndUnknownIdsAreProblems() throws Exception {
    Map<String, Object> body = registry("dup-" + UUID.randomUUID());
    send(HttpMethod.POST, "/api/v1/registries", body);
    MvcResult dup = send(HttpMethod.POST, "/api/v1/registries", body);
    assertThat(dup.getResponse().getStatus()).isEqualTo(409);
    assertThat(read(dup).get("detail").asString()).contains("already exists");
    UUID unknown = UUID.randomUUID();
    MvcResult missing = mvc.perform(as(Role.ADMIN, HttpMethod.GET, "/api/v1/registries/" + unknown)).andReturn();
    assertThat(missing.getResponse().getStatus()).isEqualTo(404);
    assertThat(missing.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(read(missing).get("detail").asString()).contains(unknown.toString());
  }

  static Stream<Arguments> invalidRegistries() {
    return Stream.of(
        invalid("unknown type", "type", b -> b.put("type", "dockerz")),
        invalid("plain http without insecure", "url", b -> b.put("url", "http://registry.example")),
        invalid("cloud metadata address", "url", b -> b.put("url", "https://169.254.169.254")),
        invalid("metadata host name", "url", b -> b.put("url", "https://metadata.google.internal")),
        invalid("credentials in the url", "url", b -> b.put("url", "https://user:pw@registry.example")),
        invalid("ftp url", "url", b -> b.put("url", "ftp://registry.example")),
        invalid("generic without url", "url", b -> b.remove("url")),
        invalid("CA that is not PEM", "caPem", b -> b.put("caPem", "-----BEGIN CERTIFICATE-----\nnope\n")),
        invalid("cron with a bad field", "rescanCron", b -> b.put("rescanCron", "0 25 * * *")),
        invalid("password without username", "username", b -> b.put("password", "pw")),
        invalid("password and token", "token", b -> {
          b.put("username", "u");
          b.put("password", "pw");
          b.put("token", "t");
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRegistries")
  void invalidSettingsAreRefusedNamingTheField(String name, String field, Consumer<Map<String, Object>> change)
      throws Exception {
    Map<String, Object> body = registry("invalid-" + UUID.randomUUID());
    change.accept(body);
    MvcResult result = send(HttpMethod.POST, "/api/v1/registries", body);
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(read(result).get("field").asString()).isEqualTo(field);
    assertThat(read(result).get("detail").asString()).isNotBlank();
  }

  @Test
  void providerOptionsAreStoredAndAValueWithALineBreakIsRefused() throws Exception {
    Map<String, Object> body = registry("options-" + UUID.randomUUID());
    body.put("type", "ecr");
    body.put("url", "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com");
    body.put("options", Map.of("region", "eu-west-1", "registryId", "123456789012"));
    MvcResult created = send(HttpMethod.POST, "/api/v1/registries", body);
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    String id = read(created).get("id").asString();
    JsonNode stored = json.readTree(get("/api/v1/registries/" + id));
    assertThat(stored.get("options").get("region").asString()).isEqualTo("eu-west-1");
    assertThat(stored.get("options").get("registryId").asString()).isEqualTo("123456789012");

    body.put("options", Map.of("region", "eu-west-1\nregistryId=999"));
    assertThat(send(HttpMethod.PUT, "/api/v1/registries/" + id, body).getResponse().getStatus()).isEqualTo(400);
    assertThat(json.readTree(get("/api/v1/registries/" + id)).get("options").size()).isEqualTo(2);
  }

  private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(name, field, change);
  }

  private static Map<String, Object> registry(String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "generic");
    body.put("url", "https://registry.example");
    return body;
  }

  private MvcResult send(HttpMethod method, String path, Map<String, Object> body) throws Exception {
    return mvc.perform(jsonBody(as(Role.ADMIN, method, path), body)).andReturn();
  }

  private String get(String path) throws Exception {
    return mvc.perform(as(Role.ADMIN, HttpMethod.GET, path)).andReturn().getResponse().getContentAsString();
  }
}
