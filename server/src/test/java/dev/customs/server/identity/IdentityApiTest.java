package dev.customs.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;

@ServerTest
class IdentityApiTest extends ApiTestSupport {
  @Autowired
  JdbcClient jdbc;
  @Autowired
  AdminAccountInitializer adminInitializer;

  @Test
  void firstStartCreatesOneAdministratorWithAnArgon2Hash() throws Exception {
    adminInitializer.run(null); // a second start must not create another administrator
    assertThat(jdbc.sql("select count(*) from users where username = 'admin'").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select password_hash from users where username = 'admin'").query(String.class).single())
        .startsWith("{argon2}$argon2id$");
    JsonNode me = read(mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/me")).andReturn());
    assertThat(me.get("name").asString()).isEqualTo("admin");
    assertThat(me.get("roles").get(0).asString()).isEqualTo("ADMIN");
  }

  @Test
  void tokenSecretIsShownOnceStoredHashedAndStopsWorkingWhenRevoked() throws Exception {
    String name = "ci-" + UUID.randomUUID();
    MvcResult created = mvc.perform(jsonBody(asAdminBasic(HttpMethod.POST, "/api/v1/tokens"),
        Map.of("name", name, "role", "auditor"))).andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    JsonNode body = read(created);
    String secret = body.get("secret").asString();
    String id = body.get("token").get("id").asString();
    assertThat(secret).startsWith("cst_").hasSizeGreaterThan(40);
    assertThat(body.get("token").get("prefix").asString()).isEqualTo(secret.substring(0, 12));

    String listed = mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/tokens?size=500")).andReturn().getResponse()
        .getContentAsString();
    assertThat(listed).contains(name).doesNotContain(secret);
    String stored = jdbc.sql("select token_hash from api_tokens where id = ?").param(UUID.fromString(id))
        .query(String.class).single();
    assertThat(stored).isEqualTo(TokenSecrets.hash(secret)).doesNotContain(secret.substring(4));

    JsonNode me = read(mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
        .andReturn());
    assertThat(me.get("name").asString()).isEqualTo("token:" + name);
    assertThat(me.get("roles").get(0).asString()).isEqualTo("AUDITOR");
    assertThat(jdbc.sql("select count(*) from api_tokens where id = ? and last_used_at is not null")
        .param(UUID.fromString(id)).query(Long.class).single()).as("last used time recorded").isEqualTo(1);

    assertThat(mvc.perform(asAdminBasic(HttpMethod.DELETE, "/api/v1/tokens/" + id)).andReturn().getResponse()
        .getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).andReturn()
        .getResponse().getStatus()).isEqualTo(401);
    String audit = mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/audit?size=500")).andReturn().getResponse()
        .getContentAsString();
    assertThat(audit).contains("\"action\":\"token.create\"", "\"action\":\"token.revoke\"", "name=" + name)
        .doesNotContain(secret);
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    String secret = token(Role.AUDITOR);
    assertThat(mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
    String name = "short-lived-" + UUID.randomUUID();
    String shortLived = read(mvc.perform(jsonBody(asAdminBasic(HttpMethod.POST, "/api/v1/tokens"),
        Map.of("name", name, "role", "scanner", "expiresAt", Instant.now().plusSeconds(3600).toString())))
        .andReturn()).get("secret").asString();
    jdbc.sql("update api_tokens set expires_at = ? where name = ?")
        .params(OffsetDateTime.now().minusSeconds(1), name).update();
    MvcResult refused = mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + shortLived))
        .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(401);
    assertThat(refused.getResponse().getContentAsString()).contains("unknown, revoked or expired");
  }

  @Test
  void tokenExpiryInThePastIsRefused() throws Exception {
    MvcResult result = mvc.perform(jsonBody(asAdminBasic(HttpMethod.POST, "/api/v1/tokens"),
        Map.of("name", "late", "role", "scanner", "expiresAt", "2020-01-01T00:00:00Z"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(result).get("field").asString()).isEqualTo("expiresAt");
  }

  @Test
  void userLifecycleWithBasicAuthAndAudit() throws Exception {
    String username = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse battery";
    MvcResult created = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/users"),
        Map.of("username", username, "password", password, "role", "scanner"))).andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    assertThat(created.getResponse().getContentAsString()).doesNotContain(password).doesNotContain("argon2");
    String id = read(created).get("id").asString();

    assertThat(status(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, basic(username, password)))).isEqualTo(200);
    assertThat(status(get("/api/v1/users").header(HttpHeaders.AUTHORIZATION, basic(username, password))))
        .isEqualTo(403);
    assertThat(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/users"),
        Map.of("username", username, "password", password, "role", "scanner"))).andReturn().getResponse()
        .getStatus()).as("duplicate").isEqualTo(409);

    mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/users/" + id), Map.of("enabled", false)));
    assertThat(status(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, basic(username, password)))).isEqualTo(401);
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/users/" + id)).andReturn().getResponse()
        .getStatus()).isEqualTo(204);

    JsonNode audit = read(mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/audit?size=500")).andReturn());
    assertThat(audit.get("items").valueStream()
        .filter(e -> e.get("targetId").asString().equals(id)).map(e -> e.get("action").asString()))
        .containsExactlyInAnyOrder("user.create", "user.update", "user.delete");
    assertThat(audit.get("items").valueStream().filter(e -> e.get("targetId").asString().equals(id))
        .map(e -> e.get("actor").asString())).allMatch(a -> a.startsWith("token:test-admin-"));
  }

  @Test
  void invalidUserIsRefusedWithEveryFieldNamed() throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/users"),
        Map.of("username", "bad name!", "password", "short", "role", "scanner"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(read(result).get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("username", "password");
    MvcResult role = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/users"),
        Map.of("username", "bob", "password", "long enough password", "role", "superuser"))).andReturn();
    assertThat(read(role).get("detail").asString()).contains("superuser", "ADMIN, SCANNER, AUDITOR");
  }

  @Test
  void theLastAdministratorCannotBeDemotedOrDeleted() throws Exception {
    String adminId = read(mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/users?size=500")).andReturn())
        .get("items").valueStream().filter(u -> u.get("username").asString().equals("admin"))
        .findFirst().orElseThrow().get("id").asString();
    MvcResult demote = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/users/" + adminId),
        Map.of("role", "auditor"))).andReturn();
    assertThat(demote.getResponse().getStatus()).isEqualTo(409);
    assertThat(read(demote).get("detail").asString()).contains("last enabled administrator");
    assertThat(status(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/users/" + adminId))).isEqualTo(409);
  }

  @Test
  void listsArePagedAndBadPagesAreNamed() throws Exception {
    JsonNode page = read(mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/audit?page=0&size=2")).andReturn());
    assertThat(page.get("items").size()).isEqualTo(2);
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
    MvcResult bad = mvc.perform(asAdminBasic(HttpMethod.GET, "/api/v1/users?size=0")).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(bad).get("field").asString()).isEqualTo("size");
    assertThat(status(asAdminBasic(HttpMethod.GET, "/api/v1/users?page=-1"))).isEqualTo(400);
  }

  private int status(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
