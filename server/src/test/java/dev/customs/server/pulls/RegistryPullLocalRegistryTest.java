package dev.customs.server.pulls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Nightly pull against the real registry: filters, tag and repository limits with the resume
 * cursor, new digests registered and scanned, a second run finding nothing new, a moved tag scanned again.
 */
@ServerTest
class RegistryPullLocalRegistryTest extends ApiTestSupport {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Path ALPINE = TestData.testdata("images/alpine-3.20.3.oci.tar");
  private static LocalRegistry registry;

  @BeforeAll
  static void fillRegistry() {
    registry = LocalRegistry.start();
    registry.push(ALPINE, null, "pull/a:1");
    String manifest = registry.inspectRaw("pull/a:1");
    for (String tag : List.of("2", "3", "skip-me")) {
      registry.putManifest("pull/a", tag, "application/vnd.oci.image.manifest.v1+json",
          manifest.getBytes(StandardCharsets.UTF_8));
    }
    registry.push(ALPINE, null, "pull/b:1");
    registry.push(ALPINE, null, "other/c:1");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void pullsWhatTheSettingsKeepOverSeveralRunsThenOnlyWhatChanged() throws Exception {
    String id = createRegistry();
    Map<String, Object> settings = settings(1);
    assertThat(put(id, settings).getResponse().getStatus()).isEqualTo(200);

    JsonNode first = pullNow(id, 1);
    assertThat(counts(first)).isEqualTo("seen=1 new=2 changed=0 unchanged=0 failed=0");
    assertThat(first.get("resumeCursor").asString()).isEqualTo("pull/a");
    JsonNode second = pullNow(id, 2);
    assertThat(counts(second)).isEqualTo("seen=1 new=1 changed=0 unchanged=0 failed=0");
    assertThat(second.get("resumeCursor").isNull()).isTrue();
    assertThat(tags(id, "pull/a")).containsOnlyKeys("2", "3");
    assertThat(tags(id, "pull/b")).containsOnlyKeys("1");
    assertThat(tags(id, "other/c")).isEmpty();
    awaitScanned(id, "pull/a", 2);
    awaitScanned(id, "pull/b", 1);

    assertThat(put(id, settings(10)).getResponse().getStatus()).isEqualTo(200);
    JsonNode again = pullNow(id, 3);
    assertThat(counts(again)).isEqualTo("seen=2 new=0 changed=0 unchanged=3 failed=0");
    assertThat(again.get("durationMillis").asLong()).isNotNegative();

    registry.pushAsDockerV2(ALPINE, null, "pull/a:3");
    JsonNode moved = pullNow(id, 4);
    assertThat(counts(moved)).isEqualTo("seen=2 new=0 changed=1 unchanged=2 failed=0");
    String oldDigest = scannedDigest(id, "pull/a", "2");
    String movedDigest = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
        .until(() -> scannedDigest(id, "pull/a", "3"), d -> d != null && !d.equals(oldDigest));
    assertThat(movedDigest).startsWith("sha256:");
    assertThat(oldDigest).startsWith("sha256:");
  }

  @Test
  void aBadCronIsRefusedWithTheFieldNamed() throws Exception {
    String id = createRegistry();
    Map<String, Object> settings = settings(1);
    settings.put("cron", "every night");
    MvcResult result = put(id, settings);
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).contains("cron", "every night");
    JsonNode defaults = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/registries/" + id
        + "/pull-settings")).andReturn());
    assertThat(defaults.get("settings").get("cron").asString()).isEqualTo("0 0 3 * * *");
  }

  private static Map<String, Object> settings(int maxRepositories) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("cron", "0 0 3 * * *");
    settings.put("includeRepositories", List.of("pull/*"));
    settings.put("excludeTags", List.of("skip-*"));
    settings.put("maxTagsPerRepository", 2);
    settings.put("maxRepositories", maxRepositories);
    return settings;
  }

  private MvcResult put(String id, Map<String, Object> settings) throws Exception {
    return mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/registries/" + id + "/pull-settings"),
        settings)).andReturn();
  }

  /** Starts a run and waits for its report, the {@code runs}-th of this registry. */
  private JsonNode pullNow(String id, int runs) throws Exception {
    assertThat(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries/" + id + "/pull")).andReturn()
        .getResponse().getStatus()).isEqualTo(202);
    JsonNode reports = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> read(mvc.perform(
        as(Role.AUDITOR, HttpMethod.GET, "/api/v1/registries/" + id + "/pulls")).andReturn()), r -> r.size() == runs);
    return reports.get(0);
  }

  private static String counts(JsonNode report) {
    return "seen=" + report.get("repositoriesSeen").asInt() + " new=" + report.get("imagesNew").asInt()
        + " changed=" + report.get("imagesChanged").asInt() + " unchanged=" + report.get("imagesUnchanged").asInt()
        + " failed=" + report.get("imagesFailed").asInt();
  }

  /** The registry's images of a repository, by tag. */
  private Map<String, JsonNode> tags(String registryId, String repository) throws Exception {
    JsonNode page = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?size=500")
        .queryParam("repository", repository)).andReturn());
    Map<String, JsonNode> byTag = new LinkedHashMap<>();
    page.get("items").valueStream().filter(i -> registryId.equals(i.get("registryId").asString(null)))
        .forEach(i -> byTag.put(i.get("tag").asString(), i));
    return byTag;
  }

  private void awaitScanned(String registryId, String repository, int images) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> tags(registryId, repository).values()
        .stream().filter(i -> !i.get("latestResult").isNull()).count() == images);
  }

  private String scannedDigest(String registryId, String repository, String tag) throws Exception {
    JsonNode image = tags(registryId, repository).get(tag);
    JsonNode latest = image.get("latestScan");
    return latest.isNull() || !latest.get("state").asString().equals("succeeded") ? null : image.get("digest").asString();
  }

  private String createRegistry() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "pulled-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", registry.url());
    body.put("insecure", true);
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return read(result).get("id").asString();
  }
}
