package dev.customs.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * A server policy with a content pattern in its files control: the server's scan applies the rule
 * while reading the layers (a real Debian image, a real registry), the control fails with the file
 * and line, and re-judging from the stored inventory (after a policy edit) still knows the match.
 */
@ServerTest
class FileContentRulesServerTest extends JudgementTestSupport {
  private static final String POLICY = """
      apiVersion: customs/v1
      kind: AssurancePolicy
      metadata:
        name: %s
        description: %s
      spec:
        scope:
          repositories: [%s]
        controls:
          - type: files
            contents:
              - paths: ['etc/login.defs']
                patterns: ['^PASS_MAX_DAYS\\s+99999']
      """;

  @Test
  void contentPatternsAreAppliedByServerScansAndSurviveReJudging() throws Exception {
    String repository = "contents-" + UUID.randomUUID().toString().substring(0, 8) + "/debian";
    String name = "no-eternal-passwords-" + UUID.randomUUID();
    MvcResult created = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/policies").contentType("application/yaml")
        .content(POLICY.formatted(name, "first", repository))).andReturn();
    assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
    String policyId = read(created).get("id").asString();
    String imageId;
    try (LocalRegistry registry = LocalRegistry.start()) {
      registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12-minbase", repository + ":12");
      createRegistry(registry);
      imageId = registerAndAwaitJudgement(registry.host() + "/" + repository + ":12");
    }
    JsonNode control = filesControl(imageId, name);
    assertThat(control.get("outcome").asString()).as(control.toString()).isEqualTo("FAIL");
    assertThat(control.get("offenses").valueStream().map(o -> o.get("location").asString() + " "
        + o.get("subject").asString())).anyMatch(o -> o.contains("etc/login.defs"));
    Instant judged = judgedAt(imageId);

    MvcResult edited = mvc.perform(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/policies/" + policyId)
        .contentType("application/yaml").content(POLICY.formatted(name, "edited", repository))).andReturn();
    assertThat(edited.getResponse().getStatus()).as(edited.getResponse().getContentAsString()).isEqualTo(200);
    await().atMost(TIMEOUT).until(() -> judgedAt(imageId).isAfter(judged));
    assertThat(filesControl(imageId, name).get("outcome").asString())
        .as("the stored inventory keeps what the rule matched").isEqualTo("FAIL");
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/policies/" + policyId)).andReturn()
        .getResponse().getStatus()).isEqualTo(204);
  }

  private JsonNode filesControl(String imageId, String policy) throws Exception {
    return detail(imageId).get("assessment").get("policies").valueStream()
        .filter(p -> p.get("name").asString().equals(policy)).findFirst().orElseThrow()
        .get("controls").get(0);
  }

  private Instant judgedAt(String imageId) throws Exception {
    return Instant.parse(detail(imageId).get("image").get("judgement").get("judgedAt").asString());
  }
}
