package dev.customs.server;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.customs.server.identity.ApiTokenService;
import dev.customs.server.identity.Role;
import dev.customs.server.identity.dto.TokenCreateRequest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests as each kind of caller, against a shared context ({@link ServerTest} or {@link QuietServerTest}). */
public abstract class ApiTestSupport {
  /**
   * One token per role and application context for the whole test run: the database outlives each
   * test class, and each context ({@link ServerTest}, {@link QuietServerTest}) has its own.
   */
  private static final Map<ApiTokenService, Map<Role, String>> TOKENS = new java.util.IdentityHashMap<>();

  @Autowired
  protected MockMvc mvc;
  @Autowired
  protected JsonMapper json;
  @Autowired
  private ApiTokenService tokenService;

  protected String token(Role role) {
    synchronized (TOKENS) {
      return TOKENS.computeIfAbsent(tokenService, s -> new EnumMap<>(Role.class)).computeIfAbsent(role,
          r -> tokenService.create(new TokenCreateRequest("test-" + r.name().toLowerCase(Locale.ROOT) + "-"
              + UUID.randomUUID(), r.name(), null),
              UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of())).secret());
    }
  }

  protected MockHttpServletRequestBuilder as(Role role, HttpMethod method, String path) {
    return request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role));
  }

  protected MockHttpServletRequestBuilder asAdminBasic(HttpMethod method, String path) {
    return request(method, path).with(r -> {
      r.addHeader(HttpHeaders.AUTHORIZATION, basic("admin", ServerTest.ADMIN_PASSWORD));
      return r;
    });
  }

  protected static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  protected MockHttpServletRequestBuilder jsonBody(MockHttpServletRequestBuilder builder, Object body) {
    return builder.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
  }

  protected JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }
}
