package dev.customs.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ServerTest;
import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.identity.Role;
import dev.customs.server.policies.ExceptionRepository;
import dev.customs.server.policies.VulnerabilityException;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Policies and exceptions change verdicts of images already scanned, judged again from their stored
 * inventories and findings: the registry the image came from is stopped first, so any pull would
 * fail, and no scan is queued.
 */
@ServerTest
class RejudgementTest extends JudgementTestSupport {
  @Autowired
  ExceptionRepository exceptions;
  @Autowired
  Rejudgement rejudgement;
  @Autowired
  JdbcClient jdbc;

  @Test
  void policyAndExceptionChangesReJudgeWithoutPulling() throws Exception {
    String repository = "rejudge-" + UUID.randomUUID().toString().substring(0, 8) + "/alpine";
    String imageId;
    try (LocalRegistry registry = LocalRegistry.start()) {
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, repository + ":3.20.3");
      createRegistry(registry);
      imageId = registerAndAwaitJudgement(registry.host() + "/" + repository + ":3.20.3");
    }
    assertThat(verdict(imageId)).isEqualTo("compliant");

    // A policy for this repository only, blocking a vulnerability the image has.
    String policy = """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: %s
          description: blocks CVE-2024-9143 in one repository
        spec:
          scope:
            repositories: [%s]
          controls:
            - type: vulnerabilityIds
              ids: [CVE-2024-9143]
        """.formatted("no-9143-" + UUID.randomUUID(), repository);
    MvcResult created = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType("application/yaml").content(policy)).andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    String policyId = read(created).get("id").asString();
    awaitVerdict(imageId, "non_compliant");
    assertThat(scanCount(imageId)).as("judged again, not scanned again").isEqualTo(1);
    assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ImageVerdictChanged.class, v -> {
      assertThat(v.image().imageId()).hasToString(imageId);
      assertThat(v.previous()).isEqualTo("compliant");
      assertThat(v.current()).isEqualTo("non_compliant");
    }));

    // An exception for this repository until next month suppresses it, with its author and reason.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> exception = new LinkedHashMap<>();
    exception.put("vulnerability", "CVE-2024-9143");
    exception.put("repository", repository);
    exception.put("justification", "only reachable through the TLS client, which the image does not run");
    exception.put("expires", today.plusDays(30).toString());
    MvcResult excepted = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/exceptions"), exception))
        .andReturn();
    assertThat(excepted.getResponse().getStatus()).isEqualTo(201);
    JsonNode stored = read(excepted);
    assertThat(stored.get("author").asString()).startsWith("token:test-admin-");
    assertThat(stored.get("expired").asBoolean()).isFalse();
    awaitVerdict(imageId, "compliant");
    JsonNode policyResult = policyAssessment(imageId, "no-9143-");
    assertThat(policyResult.get("suppressed").valueStream().map(s -> s.get("reason").asString()))
        .anyMatch(r -> r.contains("only reachable through the TLS client") && r.contains("token:test-admin-"));

    // Time passes: once the exception has expired it no longer applies, and the result says so.
    VulnerabilityException current = exceptions.findById(UUID.fromString(stored.get("id").asString())).orElseThrow();
    exceptions.update(new VulnerabilityException(current.id(), current.vulnerability(), current.registry(),
        current.repository(), current.digest(), current.packageName(), current.justification(), current.author(),
        today.minusDays(1), current.createdAt(), Instant.now()));
    rejudgement.request("test: an exception expired");
    awaitVerdict(imageId, "non_compliant");
    assertThat(policyAssessment(imageId, "no-9143-").get("notes").valueStream().map(JsonNode::asString))
        .anyMatch(n -> n.contains("expired on " + today.minusDays(1)));

    // Disabling the policy makes the image compliant again; the audit log has every change.
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies/" + policyId + "/disable")).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
    awaitVerdict(imageId, "compliant");
    assertThat(scanCount(imageId)).isEqualTo(1);
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/exceptions/" + current.id())).andReturn()
        .getResponse().getStatus()).isEqualTo(204);
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/policies/" + policyId)).andReturn()
        .getResponse().getStatus()).isEqualTo(204);
    String audit = mvc.perform(as(Role.ADMIN, HttpMethod.GET, "/api/v1/audit?size=500")).andReturn().getResponse()
        .getContentAsString();
    assertThat(audit).contains("\"policy.create\"", "\"policy.disable\"", "\"policy.delete\"", "\"exception.create\"",
        "\"exception.delete\"", policyId, current.id().toString());
  }

  @Test
  void anExceptionThatHasAlreadyExpiredIsRefused() throws Exception {
    Map<String, Object> exception = Map.of("vulnerability", "CVE-2024-9143", "justification", "late",
        "expires", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/exceptions"), exception))
        .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(read(result).get("field").asString()).isEqualTo("expires");
    MvcResult digest = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/exceptions"),
        Map.of("vulnerability", "CVE-2024-9143", "justification", "x", "digest", "sha256:nope"))).andReturn();
    assertThat(digest.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(digest).get("field").asString()).isEqualTo("digest");
  }

  @Test
  void aGracePeriodCountsFromTheFirstFailureTheServerSaw() throws Exception {
    String repository = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "/alpine";
    String imageId;
    try (LocalRegistry registry = LocalRegistry.start()) {
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, repository + ":3.20.3");
      createRegistry(registry);
      imageId = registerAndAwaitJudgement(registry.host() + "/" + repository + ":3.20.3");
    }
    String name = "grace-" + UUID.randomUUID();
    String policy = """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: %s
        spec:
          enforceAfterDays: 3
          scope:
            repositories: [%s]
          controls:
            - type: rootUser
        """.formatted(name, repository);
    String policyId = read(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType("application/yaml").content(policy)).andReturn()).get("id").asString();
    await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(policyAssessment(imageId, name)
        .get("controls").get(0).get("note").asString()).startsWith("failing since "));
    assertThat(verdict(imageId)).as("only warns during the grace period").isEqualTo("compliant");

    // Four days later (the streak's start moved back), the failure blocks.
    jdbc.sql("update control_failures set first_failed_at = ? where image_id = ? and policy = ?")
        .params(OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(4)), UUID.fromString(imageId), name).update();
    mvc.perform(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/policies/" + policyId).contentType("application/yaml")
        .content(policy + "# touched\n"));
    awaitVerdict(imageId, "non_compliant");
    assertThat(policyAssessment(imageId, name).get("controls").get(0).get("verdict").asString()).isEqualTo("BLOCK");
    mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/policies/" + policyId));
    awaitVerdict(imageId, "compliant");
  }

  private void awaitVerdict(String imageId, String verdict) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(verdict(imageId)).isEqualTo(verdict));
  }

  private JsonNode policyAssessment(String imageId, String namePrefix) throws Exception {
    return detail(imageId).get("assessment").get("policies").valueStream()
        .filter(p -> p.get("name").asString().startsWith(namePrefix)).findFirst().orElseThrow();
  }
}
