package dev.customs.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.common.ClusterLeases;
import dev.customs.server.identity.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * "Sync now" and the run reports through the API. The test server has no feeds configured, so a run
 * fails at once and says so: which is what an operator who forgot CUSTOMS_FEEDS should see.
 */
@ServerTest
class FeedSyncApiTest extends ApiTestSupport {
  @Autowired
  ClusterLeases leases;

  @Test
  void syncNowStartsARunThatTheReportsShow() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    MockHttpServletResponse started = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/db/sync")).andReturn()
        .getResponse();
    assertThat(started.getStatus()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode runs = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/db/syncs")).andReturn());
      JsonNode newest = runs.get(0);
      assertThat(Instant.parse(newest.get("startedAt").asString())).isAfter(before);
      assertThat(newest.get("trigger").asString()).isEqualTo("manual");
      assertThat(newest.get("outcome").asString()).isEqualTo("FAILED");
      assertThat(newest.get("error").asString()).contains("no feed is configured", "CUSTOMS_FEEDS");
    });
    String audit = mvc.perform(as(Role.ADMIN, HttpMethod.GET, "/api/v1/audit")).andReturn().getResponse()
        .getContentAsString();
    assertThat(audit).contains("vulndb.sync");
  }

  @Test
  void aSecondSyncWhileOneRunsIsAConflict() throws Exception {
    Instant now = Instant.now();
    assertThat(leases.tryTake(FeedSync.LEASE, "another-replica", now, now.plusSeconds(60))).isTrue();
    try {
      MockHttpServletResponse response = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/db/sync")).andReturn()
          .getResponse();
      assertThat(response.getStatus()).isEqualTo(409);
      assertThat(response.getContentAsString()).contains("already");
    } finally {
      leases.release(FeedSync.LEASE, "another-replica");
    }
  }
}
