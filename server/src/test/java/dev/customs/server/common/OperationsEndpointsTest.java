package dev.customs.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** Probes, metrics and the API description, as operators and client generators use them. */
@ServerTest
class OperationsEndpointsTest extends ApiTestSupport {
  @Test
  void probesAnswerWithoutCredentials() throws Exception {
    for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      MockHttpServletResponse response = mvc.perform(get(probe)).andReturn().getResponse();
      assertThat(response.getStatus()).as(probe).isEqualTo(200);
      assertThat(response.getContentAsString()).as(probe).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void prometheusMetricsIncludeTheScanQueue() throws Exception {
    String metrics = mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/actuator/prometheus")).andReturn().getResponse()
        .getContentAsString();
    assertThat(metrics).contains("customs_scan_queue_depth", "jvm_memory_used_bytes", "http_server_requests");
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiGroup() throws Exception {
    JsonNode api = read(mvc.perform(get("/v3/api-docs")).andReturn());
    assertThat(api.get("openapi").asString()).startsWith("3.");
    assertThat(api.get("paths").propertyNames()).contains("/api/v1/registries", "/api/v1/registries/{id}/test",
        "/api/v1/images", "/api/v1/images/{id}/inventory", "/api/v1/scans/{id}/cancel", "/api/v1/users",
        "/api/v1/tokens", "/api/v1/audit", "/api/v1/me", "/api/v1/db", "/api/v1/db/bundle", "/api/v1/db/syncs",
        "/api/v1/db/sync");
    assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
  }
}
