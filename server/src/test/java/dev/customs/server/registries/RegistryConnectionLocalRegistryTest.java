package dev.customs.server.registries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/registries/{id}/test} against real registries (CNCF distribution). */
@ServerTest
class RegistryConnectionLocalRegistryTest extends ApiTestSupport {
  private static final String USER = "robot";
  private static final String PASSWORD = "registry-pass-1";
  private static LocalRegistry withAuth;
  private static LocalRegistry withTls;

  @BeforeAll
  static void startRegistries() {
    withAuth = LocalRegistry.startWithAuth(USER, PASSWORD);
    withAuth.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:1");
    withTls = LocalRegistry.startWithTls();
  }

  @AfterAll
  static void stopRegistries() {
    withAuth.close();
    withTls.close();
  }

  @Test
  void everyStepPassesWithGoodCredentials() throws Exception {
    JsonNode report = test(create(withAuth.url(), USER, PASSWORD, null), null);
    assertThat(outcomes(report)).isEqualTo(
        "address=ok reachable=ok tls=skipped auth=ok catalog=ok pull=ok");
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(detail(report, "pull")).contains("demo/alpine:1");
    assertThat(detail(report, "catalog")).contains("lists 1 repositories");
    assertThat(detail(report, "tls")).contains("plain HTTP");
    assertThat(detail(report, "auth")).contains("user robot accepted");
    assertThat(report.get("millis").asLong()).isNotNegative();
  }

  @Test
  void aWrongPasswordIsReportedAsAuthFailure() throws Exception {
    JsonNode report = test(create(withAuth.url(), USER, "wrong-password", null), "demo/alpine");
    assertThat(outcomes(report)).isEqualTo(
        "address=ok reachable=ok tls=skipped auth=failed catalog=skipped pull=skipped");
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(detail(report, "auth")).contains("user robot rejected: HTTP 401");
    assertThat(detail(report, "catalog")).contains("credentials were not accepted");
  }

  @Test
  void missingCredentialsAreNamedAsSuch() throws Exception {
    JsonNode report = test(create(withAuth.url(), null, null, null), null);
    assertThat(outcomes(report)).isEqualTo(
        "address=ok reachable=ok tls=skipped auth=failed catalog=skipped pull=skipped");
    assertThat(detail(report, "auth")).contains("requires credentials and none are configured");
  }

  @Test
  void nothingListeningIsNotReachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    JsonNode report = test(create("http://127.0.0.1:" + port, null, null, null), null);
    assertThat(outcomes(report)).isEqualTo(
        "address=ok reachable=failed tls=skipped auth=skipped catalog=skipped pull=skipped");
    assertThat(detail(report, "reachable")).contains("cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void tlsVerifiesOnlyWithTheRegistryCa() throws Exception {
    JsonNode untrusted = test(create(withTls.url(), null, null, null), null);
    assertThat(outcomes(untrusted)).startsWith("address=ok reachable=ok tls=failed auth=skipped");
    assertThat(detail(untrusted, "tls")).contains("add the registry's CA certificate");

    String ca = Files.readString(withTls.caCertificate());
    JsonNode trusted = test(create(withTls.url(), null, null, ca), null);
    assertThat(outcomes(trusted)).startsWith("address=ok reachable=ok tls=ok auth=ok catalog=ok");
    assertThat(detail(trusted, "tls")).contains("verifies");
  }

  @Test
  void registriesBehindAConnectorAreNotContacted() throws Exception {
    Map<String, Object> body = body(withAuth.url(), null, null, null);
    body.put("connector", "dc-1");
    String id = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn())
        .get("id").asString();
    JsonNode report = test(id, null);
    assertThat(outcomes(report)).isEqualTo(
        "address=skipped reachable=skipped tls=skipped auth=skipped catalog=skipped pull=skipped");
    assertThat(detail(report, "address")).contains("connector dc-1");
  }

  private String create(String url, String username, String password, String caPem) throws Exception {
    JsonNode created = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"),
        body(url, username, password, caPem))).andReturn());
    return created.get("id").asString();
  }

  private static Map<String, Object> body(String url, String username, String password, String caPem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "local-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", url);
    body.put("insecure", url.startsWith("http://"));
    body.put("username", username);
    body.put("password", password);
    body.put("caPem", caPem);
    return body;
  }

  private JsonNode test(String id, String repository) throws Exception {
    var request = as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries/" + id + "/test");
    var result = mvc.perform(repository == null ? request : jsonBody(request, Map.of("repository", repository)))
        .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return read(result);
  }

  private static String outcomes(JsonNode report) {
    return report.get("steps").valueStream()
        .map(s -> s.get("name").asString() + "=" + s.get("outcome").asString()).collect(Collectors.joining(" "));
  }

  private static String detail(JsonNode report, String step) {
    return report.get("steps").valueStream().filter(s -> s.get("name").asString().equals(step)).findFirst()
        .orElseThrow().get("detail").asString();
  }
}
