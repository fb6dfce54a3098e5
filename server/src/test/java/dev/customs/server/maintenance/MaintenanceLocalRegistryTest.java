package dev.customs.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.QuietServerTest;
import dev.customs.server.identity.Role;
import dev.customs.server.pulls.PullReport;
import dev.customs.server.pulls.RegistryPullRunner;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Rescans and cleanup against a real registry, in the quiet context (no scan workers). */
@QuietServerTest
class MaintenanceLocalRegistryTest extends ApiTestSupport {
  private static LocalRegistry registry;

  @Autowired
  RegistryPullRunner pulls;
  @Autowired
  RescanRunner rescans;
  @Autowired
  RegistryRepository registries;
  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void imagesGoneFromTheRegistryAreMarkedByThePullAndRemovedByCleanupAfterADryRun() throws Exception {
    String shop = "shop-" + suffix();
    String web = shop + "/web";
    String old = shop + "/old";
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, web + ":1");
    registry.push(TestData.testdata("images/distroless-debian12.oci.tar"), null, web + ":2");
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, old + ":1");
    Registry integration = createRegistry(shop, null);
    PullReport first = pull(integration);
    assertThat(first.imagesNew()).isEqualTo(3);
    registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12-minbase", web + ":3");
    assertThat(pull(integration).imagesNew()).isEqualTo(1);

    registry.delete(web + ":2");
    registry.delete(old + ":1"); // the manifest web:1 also has, but repositories are separate: web:1 stays
    PullReport afterDelete = pull(integration);
    assertThat(afterDelete.imagesGone()).isEqualTo(2);
    assertThat(deleted(web + ":1")).isFalse();
    assertThat(deleted(web + ":2")).isTrue();
    assertThat(deleted(old + ":1")).isTrue();
    assertThat(deleted(web + ":3")).isFalse();

    JsonNode dry = post("/api/v1/maintenance/cleanup", null);
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("affected").asInt()).isEqualTo(2);
    assertThat(dry.get("details").valueStream().map(JsonNode::asString))
        .allMatch(line -> line.contains("deleted from its registry"))
        .anyMatch(line -> line.startsWith(registry.host() + "/" + web + ":2: "));
    assertThat(imageCount(integration)).as("a dry run removes nothing").isEqualTo(4);

    JsonNode real = post("/api/v1/maintenance/cleanup?dryRun=false", null);
    assertThat(real.get("affected").asInt()).isEqualTo(2);
    assertThat(imageCount(integration)).isEqualTo(2);
    JsonNode runs = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/maintenance/runs")).andReturn());
    assertThat(runs.get("items").valueStream().map(r -> r.get("id").asString()))
        .contains(dry.get("id").asString(), real.get("id").asString());
  }

  @Test
  void keepNewestTagsKeepsTheLatestRegisteredTagsOfEachRepository() throws Exception {
    String prefix = "keep-" + suffix();
    String app = prefix + "/app";
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, app + ":1.0");
    Registry integration = createRegistry(prefix, null);
    pull(integration);
    registry.push(TestData.testdata("images/distroless-debian12.oci.tar"), null, app + ":2.0");
    pull(integration);

    Map<String, Object> rules = Map.of("removeDeleted", false, "keepNewestTags", 1);
    JsonNode dry = post("/api/v1/maintenance/cleanup", rules);
    // The rules apply to every image in the database: look at this test's repository only.
    assertThat(dry.get("details").valueStream().map(JsonNode::asString)
        .filter(line -> line.startsWith(registry.host() + "/" + app + ":")))
        .containsExactly(registry.host() + "/" + app + ":1.0: older than the newest 1 tags of " + app);
  }

  @Test
  void aRescanSkipsImagesScannedWithinItsPeriodSoTwoSchedulesRescanOnce() throws Exception {
    String prefix = "rescan-" + suffix();
    String app = prefix + "/app";
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, app + ":a");
    registry.push(TestData.testdata("images/distroless-debian12.oci.tar"), null, app + ":b");
    Registry integration = createRegistry(prefix, null);
    pull(integration);
    mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/scans/cancel-queued"));
    assertThat(jobs(app)).isEqualTo(2);

    MaintenanceRun scheduled = rescans.run(integration.id(), Instant.now().minus(Duration.ofDays(1)), "schedule");
    assertThat(scheduled.affected()).as("both were scanned within the day").isZero();
    assertThat(scheduled.skipped()).isEqualTo(2);

    JsonNode manual = post("/api/v1/registries/" + integration.id() + "/rescans", null);
    assertThat(manual.get("affected").asInt()).as("a request rescans whatever the period").isEqualTo(2);
    assertThat(jobs(app)).isEqualTo(4);
    MaintenanceRun global = rescans.run(null, Instant.now().minus(Duration.ofDays(1)), "schedule");
    assertThat(jobs(app)).as("the global schedule finds them rescanned this period").isEqualTo(4);
    assertThat(global.skipped()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRegistryRescanScheduleFiresOnItsOwn() throws Exception {
    String prefix = "cron-" + suffix();
    String app = prefix + "/app";
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, app + ":1");
    Registry integration = createRegistry(prefix, "*/2 * * * * *");
    pull(integration);
    String task = "rescan:registry:" + integration.id();
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "select count(*) from maintenance_runs where task = ? and trigger_kind = 'schedule'").param(task)
        .query(Long.class).single() >= 1);
    registries.update(withCron(registries.findById(integration.id()).orElseThrow(), null));
  }

  @Test
  void settingsAreValidatedAndShowTheNextRun() throws Exception {
    MvcResult bad = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/maintenance/settings"),
        Map.of("globalRescanCron", "every night", "cleanup", Map.of("removeDeleted", true)))).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(bad).get("detail").asString()).contains("globalRescanCron", "every night");

    Map<String, Object> cleanup = new LinkedHashMap<>();
    cleanup.put("cron", "0 4 * * *");
    cleanup.put("removeDeleted", true);
    cleanup.put("notSeenDays", 30);
    MvcResult saved = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/maintenance/settings"),
        Map.of("globalRescanCron", "0 0 2 * * SUN", "cleanup", cleanup))).andReturn();
    assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      JsonNode s = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/maintenance/settings")).andReturn());
      return !s.get("globalRescanNextRunAt").isNull() && !s.get("cleanupNextRunAt").isNull();
    });
    JsonNode settings = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/maintenance/settings")).andReturn());
    assertThat(settings.get("cleanup").get("notSeenDays").asInt()).isEqualTo(30);
    assertThat(Instant.parse(settings.get("cleanupNextRunAt").asString())).isAfter(Instant.now());
    MvcResult auditor = mvc.perform(jsonBody(as(Role.AUDITOR, HttpMethod.POST, "/api/v1/maintenance/rescans"),
        Map.of())).andReturn();
    assertThat(auditor.getResponse().getStatus()).isEqualTo(403);
    mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/maintenance/settings"),
        Map.of("cleanup", Map.of("removeDeleted", true))));
  }

  /** A registry integration that pulls only the repositories under {@code prefix}, as each test has its own. */
  private Registry createRegistry(String prefix, String rescanCron) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "maint-" + suffix());
    body.put("type", "generic");
    body.put("url", registry.url());
    body.put("insecure", true);
    if (rescanCron != null) {
      body.put("rescanCron", rescanCron);
    }
    MvcResult created = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
    UUID id = UUID.fromString(read(created).get("id").asString());
    MvcResult settings = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/registries/" + id
        + "/pull-settings"), Map.of("cron", "0 3 * * *", "includeRepositories", List.of(prefix + "/**"),
        "maxTagsPerRepository", 100, "maxRepositories", 1000))).andReturn();
    assertThat(settings.getResponse().getStatus()).as(settings.getResponse().getContentAsString()).isEqualTo(200);
    return registries.findById(id).orElseThrow();
  }

  private PullReport pull(Registry integration) {
    return pulls.run(integration, "manual", "test").orElseThrow();
  }

  private JsonNode post(String path, Object body) throws Exception {
    MvcResult result = mvc.perform(body == null ? as(Role.ADMIN, HttpMethod.POST, path)
        : jsonBody(as(Role.ADMIN, HttpMethod.POST, path), body)).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
    return read(result);
  }

  private boolean deleted(String repositoryAndTag) {
    return jdbc.sql("select deleted_at is not null from images where reference = ?")
        .param(registry.host() + "/" + repositoryAndTag).query(Boolean.class).single();
  }

  private long imageCount(Registry integration) {
    return jdbc.sql("select count(*) from images where registry_id = ?").param(integration.id()).query(Long.class)
        .single();
  }

  private long jobs(String repository) {
    return jdbc.sql("select count(*) from scan_jobs j join images i on i.id = j.image_id where i.repository = ?")
        .param(repository).query(Long.class).single();
  }

  private static Registry withCron(Registry r, String cron) {
    return new Registry(r.id(), r.name(), r.type(), r.url(), r.authKind(), r.username(), r.secretEnc(), r.caPem(),
        r.insecure(), cron, r.webhookSecretEnc(), r.connector(), r.createdAt(), r.updatedAt(), r.options());
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
