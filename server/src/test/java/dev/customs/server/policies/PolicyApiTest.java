package dev.customs.server.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/policies}: the CLI's documents and validation, enable and disable, conflicts. */
@ServerTest
class PolicyApiTest extends ApiTestSupport {
  private static final String DOCUMENT = """
      apiVersion: customs/v1
      kind: AssurancePolicy
      metadata:
        name: %s
        description: no critical vulnerabilities in team images
      spec:
        scope:
          repositories: ["team-%s/**"]
        controls:
          - type: vulnerabilitySeverity
            threshold: CRITICAL
      """;

  @Test
  void theShippedPoliciesAreListedWithOnlyBaselineEnabled() throws Exception {
    JsonNode list = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/policies")).andReturn());
    JsonNode baseline = list.valueStream().filter(p -> p.get("name").asString().equals("baseline")).findFirst()
        .orElseThrow();
    assertThat(baseline.get("enabled").asBoolean()).isTrue();
    assertThat(baseline.get("builtin").asString()).isEqualTo("baseline");
    assertThat(baseline.get("document").asString()).contains("type: knownExploited");
    assertThat(list.valueStream().filter(p -> p.get("name").asString().equals("strict")).findFirst().orElseThrow()
        .get("enabled").asBoolean()).isFalse();
  }

  @Test
  void aPolicyIsCreatedFromYamlOrJsonReplacedDisabledAndDeleted() throws Exception {
    String name = "team-" + UUID.randomUUID();
    MvcResult created = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies?enabled=false")
        .contentType("application/yaml").content(DOCUMENT.formatted(name, name))).andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    JsonNode policy = read(created);
    String id = policy.get("id").asString();
    assertThat(policy.get("name").asString()).isEqualTo(name);
    assertThat(policy.get("enabled").asBoolean()).isFalse();
    assertThat(policy.get("source").asString()).isEqualTo("server:" + name);

    MvcResult twin = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType("application/yaml").content(DOCUMENT.formatted(name, name))).andReturn();
    assertThat(twin.getResponse().getStatus()).isEqualTo(409);

    String json = """
        {"apiVersion": "customs/v1", "kind": "AssurancePolicy", "metadata": {"name": "%s-json"},
         "spec": {"controls": [{"type": "rootUser"}], "action": "audit"}}""".formatted(name);
    MvcResult replaced = mvc.perform(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/policies/" + id)
        .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    assertThat(replaced.getResponse().getStatus()).isEqualTo(200);
    assertThat(read(replaced).get("name").asString()).isEqualTo(name + "-json");
    assertThat(read(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies/" + id + "/enable")).andReturn())
        .get("enabled").asBoolean()).isTrue();
    assertThat(read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/policies/" + id)).andReturn())
        .get("document").asString()).isEqualTo(json);
    assertThat(read(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies/" + id + "/disable")).andReturn())
        .get("enabled").asBoolean()).isFalse();
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/policies/" + id)).andReturn().getResponse()
        .getStatus()).isEqualTo(204);
    assertThat(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/policies/" + id)).andReturn().getResponse()
        .getStatus()).isEqualTo(404);
  }

  @Test
  void anInvalidDocumentIsRefusedWithEveryProblemByLineAndField() throws Exception {
    String invalid = """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: broken
        spec:
          controls:
            - type: vulnerabilitySeverity
              threshold: SEVERE
            - type: noSuchControl
        """;
    MvcResult result = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType("application/yaml").content(invalid)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = read(result);
    assertThat(problem.get("title").asString()).isEqualTo("Invalid policy document");
    JsonNode errors = problem.get("errors");
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(8);
    assertThat(errors.get(0).get("field").asString()).isEqualTo("spec.controls[0].threshold");
    assertThat(errors.get(0).get("message").asString()).contains("SEVERE");
    assertThat(errors.get(1).get("line").asInt()).isEqualTo(9);
    assertThat(errors.get(1).get("message").asString()).contains("unknown control type noSuchControl");

    MvcResult notYaml = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType(MediaType.APPLICATION_JSON).content("{\"apiVersion\": ")).andReturn();
    assertThat(notYaml.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(notYaml).get("errors").get(0).get("message").asString()).contains("not valid JSON");
    MvcResult empty = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies")
        .contentType("application/yaml").content("")).andReturn();
    assertThat(empty.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(empty).get("detail").asString()).contains("empty");
  }
}
