package dev.customs.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every route group against every kind of caller: no credentials and a bad token get 401, a role
 * outside the group's list gets 403, a role inside gets past security (any other status).
 */
@ServerTest
class RouteAuthorizationTest extends ApiTestSupport {
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.AUDITOR);
  private static final Set<Role> SCANNERS = EnumSet.of(Role.ADMIN, Role.SCANNER);
  private static final String ID = "/" + UUID.randomUUID();

  record Route(String name, HttpMethod method, String path, Set<Role> allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Route> routes() {
    return Stream.of(
        new Route("list users", HttpMethod.GET, "/api/v1/users", ADMIN),
        new Route("create user", HttpMethod.POST, "/api/v1/users", ADMIN),
        new Route("update user", HttpMethod.PUT, "/api/v1/users" + ID, ADMIN),
        new Route("delete user", HttpMethod.DELETE, "/api/v1/users" + ID, ADMIN),
        new Route("list tokens", HttpMethod.GET, "/api/v1/tokens", ADMIN),
        new Route("create token", HttpMethod.POST, "/api/v1/tokens", ADMIN),
        new Route("revoke token", HttpMethod.DELETE, "/api/v1/tokens" + ID, ADMIN),
        new Route("audit log", HttpMethod.GET, "/api/v1/audit", ADMIN),
        new Route("list registries", HttpMethod.GET, "/api/v1/registries", READERS),
        new Route("get registry", HttpMethod.GET, "/api/v1/registries" + ID, READERS),
        new Route("create registry", HttpMethod.POST, "/api/v1/registries", ADMIN),
        new Route("update registry", HttpMethod.PUT, "/api/v1/registries" + ID, ADMIN),
        new Route("delete registry", HttpMethod.DELETE, "/api/v1/registries" + ID, ADMIN),
        new Route("test registry", HttpMethod.POST, "/api/v1/registries" + ID + "/test", ADMIN),
        new Route("list images", HttpMethod.GET, "/api/v1/images", ALL),
        new Route("register image", HttpMethod.POST, "/api/v1/images", SCANNERS),
        new Route("image detail", HttpMethod.GET, "/api/v1/images" + ID, ALL),
        new Route("image inventory", HttpMethod.GET, "/api/v1/images" + ID + "/inventory", ALL),
        new Route("image report", HttpMethod.GET, "/api/v1/images" + ID + "/report?format=json", ALL),
        new Route("images with a vulnerability", HttpMethod.GET, "/api/v1/vulnerabilities/CVE-2021-44228/images", ALL),
        new Route("list policies", HttpMethod.GET, "/api/v1/policies", READERS),
        new Route("get policy", HttpMethod.GET, "/api/v1/policies" + ID, READERS),
        new Route("create policy", HttpMethod.POST, "/api/v1/policies", ADMIN),
        new Route("replace policy", HttpMethod.PUT, "/api/v1/policies" + ID, ADMIN),
        new Route("enable policy", HttpMethod.POST, "/api/v1/policies" + ID + "/enable", ADMIN),
        new Route("disable policy", HttpMethod.POST, "/api/v1/policies" + ID + "/disable", ADMIN),
        new Route("delete policy", HttpMethod.DELETE, "/api/v1/policies" + ID, ADMIN),
        new Route("list exceptions", HttpMethod.GET, "/api/v1/exceptions", READERS),
        new Route("get exception", HttpMethod.GET, "/api/v1/exceptions" + ID, READERS),
        new Route("create exception", HttpMethod.POST, "/api/v1/exceptions", ADMIN),
        new Route("update exception", HttpMethod.PUT, "/api/v1/exceptions" + ID, ADMIN),
        new Route("delete exception", HttpMethod.DELETE, "/api/v1/exceptions" + ID, ADMIN),
        new Route("rescan image", HttpMethod.POST, "/api/v1/images" + ID + "/scans", SCANNERS),
        new Route("delete image", HttpMethod.DELETE, "/api/v1/images" + ID, ADMIN),
        new Route("list scans", HttpMethod.GET, "/api/v1/scans", ALL),
        new Route("scan detail", HttpMethod.GET, "/api/v1/scans" + ID, ALL),
        new Route("cancel scan", HttpMethod.POST, "/api/v1/scans" + ID + "/cancel", ADMIN),
        new Route("cancel all queued scans", HttpMethod.POST, "/api/v1/scans/cancel-queued", ADMIN),
        new Route("list notification subscriptions", HttpMethod.GET, "/api/v1/notifications/subscriptions", READERS),
        new Route("create notification subscription", HttpMethod.POST, "/api/v1/notifications/subscriptions",
            ADMIN),
        new Route("update notification subscription", HttpMethod.PUT, "/api/v1/notifications/subscriptions" + ID,
            ADMIN),
        new Route("delete notification subscription", HttpMethod.DELETE,
            "/api/v1/notifications/subscriptions" + ID, ADMIN),
        new Route("test notification subscription", HttpMethod.POST,
            "/api/v1/notifications/subscriptions" + ID + "/test", ADMIN),
        new Route("list notification deliveries", HttpMethod.GET, "/api/v1/notifications/deliveries", READERS),
        new Route("retry notification delivery", HttpMethod.POST,
            "/api/v1/notifications/deliveries" + ID + "/retry", ADMIN),
        new Route("maintenance settings", HttpMethod.GET, "/api/v1/maintenance/settings", READERS),
        new Route("change maintenance settings", HttpMethod.PUT, "/api/v1/maintenance/settings", ADMIN),
        new Route("rescan everything", HttpMethod.POST, "/api/v1/maintenance/rescans", ADMIN),
        new Route("rescan a registry", HttpMethod.POST, "/api/v1/registries" + ID + "/rescans", ADMIN),
        new Route("cleanup", HttpMethod.POST, "/api/v1/maintenance/cleanup", ADMIN),
        new Route("maintenance runs", HttpMethod.GET, "/api/v1/maintenance/runs", READERS),
        new Route("vulnerability data status", HttpMethod.GET, "/api/v1/db", ALL),
        new Route("vulnerability bundle download", HttpMethod.GET, "/api/v1/db/bundle", ALL),
        new Route("vulnerability bundle checksum", HttpMethod.GET, "/api/v1/db/bundle.sha256", ALL),
        new Route("vulnerability bundle upload", HttpMethod.POST, "/api/v1/db", ADMIN),
        new Route("feed sync runs", HttpMethod.GET, "/api/v1/db/syncs", ALL),
        new Route("feed sync now", HttpMethod.POST, "/api/v1/db/sync", ADMIN),
        new Route("submit a CLI scan", HttpMethod.POST, "/api/v1/scan-results", SCANNERS),
        new Route("who am I", HttpMethod.GET, "/api/v1/me", ALL),
        new Route("metrics", HttpMethod.GET, "/actuator/prometheus", READERS),
        new Route("unknown API path", HttpMethod.GET, "/api/v1/nothing-here", EnumSet.noneOf(Role.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void eachRoleGetsWhatItsRoleAllows(Route route) throws Exception {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(call(route, null).getStatus()).as("no credentials").isEqualTo(401);
    soft.assertThat(call(route, "Bearer cst_not-a-real-token").getStatus()).as("bad token").isEqualTo(401);
    soft.assertThat(call(route, basic("admin", "wrong-password")).getStatus()).as("bad password").isEqualTo(401);
    for (Role role : Role.values()) {
      int status = call(route, "Bearer " + token(role)).getStatus();
      if (route.allowed().contains(role)) {
        soft.assertThat(status).as(role.name()).isNotIn(401, 403);
      } else {
        soft.assertThat(status).as(role.name()).isEqualTo(403);
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void refusalsAreProblemDocuments(Route route) throws Exception {
    MockHttpServletResponse response = call(route, null);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"));
    assertThat(response.getContentAsString()).contains("\"status\":401");
  }

  @Test
  void sessionRequestsNeedTheCsrfToken() throws Exception {
    MvcResult login = mvc.perform(post("/login").param("username", "admin")
        .param("password", ServerTest.ADMIN_PASSWORD).with(csrf())).andReturn();
    assertThat(login.getResponse().getStatus()).isEqualTo(302);
    MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
    RequestPostProcessor cookie = r -> {
      r.setRequestedSessionId(session.getId()); // what the browser's session cookie does
      return r;
    };
    assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/me").session(session).with(cookie)).andReturn()
        .getResponse().getContentAsString()).contains("\"name\":\"admin\"");
    assertThat(mvc.perform(request(HttpMethod.DELETE, "/api/v1/tokens" + ID).session(session).with(cookie))
        .andReturn().getResponse().getStatus()).as("without CSRF token").isEqualTo(403);
    assertThat(mvc.perform(request(HttpMethod.DELETE, "/api/v1/tokens" + ID).session(session).with(cookie)
        .with(csrf())).andReturn().getResponse().getStatus()).as("with CSRF token").isEqualTo(404);
  }

  private MockHttpServletResponse call(Route route, String authorization) throws Exception {
    MockHttpServletRequestBuilder builder = request(route.method(), route.path())
        .contentType(MediaType.APPLICATION_JSON).content("{}");
    if (authorization != null) {
      builder.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return mvc.perform(builder).andReturn().getResponse();
  }
}
