package dev.customs.server.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Register → queued → scanned → inventory via REST, against a real registry with basic auth. */
@ServerTest
class ImageScanLocalRegistryTest extends ApiTestSupport {
  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(90);
  private static LocalRegistry registry;

  @Autowired
  ScanJobRepository jobs;
  @Autowired
  DatabaseLayerCache layerCache;
  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.startWithAuth("robot", "registry-pass-1");
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "e2e/alpine:3.20.3");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void aRegisteredImageIsScannedAndItsInventoryServed() throws Exception {
    createRegistry();
    MvcResult registered = mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", registry.host() + "/e2e/alpine:3.20.3"))).andReturn();
    assertThat(registered.getResponse().getStatus()).isEqualTo(202);
    JsonNode body = read(registered);
    String imageId = body.get("image").get("id").asString();
    assertThat(body.get("scan").get("state").asString()).isIn("queued", "running");

    JsonNode scan = awaitScan(body.get("scan").get("id").asString(), "succeeded");
    String manifest = registry.inspectRaw("e2e/alpine:3.20.3");
    String expectedDigest = "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(manifest.getBytes(StandardCharsets.UTF_8)));
    assertThat(scan.get("digest").asString()).isEqualTo(expectedDigest);

    JsonNode image = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + imageId)).andReturn());
    assertThat(image.get("image").get("digest").asString()).isEqualTo(expectedDigest);
    assertThat(image.get("image").get("latestResult").get("packageCount").asInt()).isEqualTo(trivyApkNames().size());
    assertThat(image.get("scans").size()).isEqualTo(1);

    JsonNode inventory = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + imageId + "/inventory"))
        .andReturn());
    Set<String> apk = inventory.get("packages").valueStream().filter(p -> p.get("ecosystem").asString().equals("apk"))
        .map(p -> p.get("name").asString() + "@" + p.get("version").asString())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(apk).as("same apk packages as Trivy").isEqualTo(trivyApkNames());
    assertThat(inventory.get("image").get("manifestDigest").asString()).isEqualTo(expectedDigest);
    assertThat(layerCache.size()).as("the layer analysis is shared through the database").isPositive();
  }

  @Test
  void aMissingTagIsRetriedThenDeadLetteredWithTheRegistryError() throws Exception {
    createRegistry();
    JsonNode body = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", registry.host() + "/e2e/alpine:no-such-tag"))).andReturn());
    JsonNode dead = awaitScan(body.get("scan").get("id").asString(), "dead");
    assertThat(dead.get("attempts").asInt()).isEqualTo(2);
    assertThat(dead.get("lastError").asString()).contains("no-such-tag").containsIgnoringCase("manifest");
    JsonNode deadList = read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/scans?state=dead&size=500"))
        .andReturn());
    assertThat(deadList.get("items").valueStream().map(s -> s.get("id").asString()))
        .contains(dead.get("id").asString());
  }

  @Test
  void aJobOfAKilledWorkerIsTakenOverWhenItsLeaseExpires() throws Exception {
    createRegistry();
    JsonNode body = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", registry.host() + "/e2e/alpine:3.20.3", "platform", "linux/amd64"))).andReturn());
    awaitScan(body.get("scan").get("id").asString(), "succeeded");
    UUID imageId = UUID.fromString(body.get("image").get("id").asString());
    // A replica claimed this job and died: RUNNING, its lease already over, no heartbeat will come.
    Instant past = Instant.now().minusSeconds(30);
    ScanJob orphan = new ScanJob(UUID.randomUUID(), imageId, ScanState.RUNNING, 1, 2, past, null, null, null, null,
        null, past, null, null);
    jobs.insert(orphan);
    jdbc.sql("update scan_jobs set lease_owner = 'killed-replica', lease_until = ? where id = ?")
        .params(OffsetDateTime.now().minusSeconds(5), orphan.id()).update();
    assertThat(jobs.findById(orphan.id()).orElseThrow().leaseOwner()).isEqualTo("killed-replica");
    JsonNode done = awaitScan(orphan.id().toString(), "succeeded");
    assertThat(done.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void queuedScansCanBeCancelledOneByOneOrAll() throws Exception {
    createRegistry();
    JsonNode body = read(mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", registry.host() + "/e2e/alpine:3.20.3", "platform", "linux/arm64"))).andReturn());
    UUID imageId = UUID.fromString(body.get("image").get("id").asString());
    awaitScan(body.get("scan").get("id").asString(), "succeeded", "dead");
    Instant later = Instant.now().plusSeconds(3600); // due in an hour: stays queued during the test
    ScanJob first = new ScanJob(UUID.randomUUID(), imageId, ScanState.QUEUED, 0, 2, later, null, null, null, null,
        null, Instant.now(), null, null);
    jobs.insert(first);
    MvcResult cancelled = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/scans/" + first.id() + "/cancel"))
        .andReturn();
    assertThat(read(cancelled).get("state").asString()).isEqualTo("cancelled");
    MvcResult again = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/scans/" + first.id() + "/cancel"))
        .andReturn();
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(read(again).get("detail").asString()).contains("only QUEUED scans can be cancelled");

    for (int i = 0; i < 3; i++) {
      jobs.insert(new ScanJob(UUID.randomUUID(), imageId, ScanState.QUEUED, 0, 2, later, null, null, null, null,
          null, Instant.now(), null, null));
    }
    JsonNode all = read(mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/scans/cancel-queued")).andReturn());
    assertThat(all.get("cancelled").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(jobs.count(ScanState.QUEUED)).isZero();
  }

  @Test
  void referencesWithoutARegistryIntegrationAreRefused() throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", "unknown-registry.example:5000/app:1"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(result).get("detail").asString()).contains("unknown-registry.example:5000", "POST /api/v1/registries");
    MvcResult bad = mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", "UPPER/case::"))).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(bad).get("field").asString()).isEqualTo("reference");
  }

  private void createRegistry() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "e2e-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", registry.url());
    body.put("insecure", true);
    body.put("username", "robot");
    body.put("password", "registry-pass-1");
    mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body));
  }

  private JsonNode awaitScan(String scanId, String... states) {
    return await().atMost(SCAN_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(
        () -> read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/scans/" + scanId)).andReturn()),
        scan -> Set.of(states).contains(scan.get("state").asString()));
  }

  private static Set<String> trivyApkNames() throws Exception {
    JsonNode trivy = JsonMapper.builder().build()
        .readTree(TestData.testdata("images/reference/alpine-3.20.3.trivy.json").toFile());
    return trivy.get("Results").valueStream().flatMap(r -> r.path("Packages").valueStream())
        .map(p -> p.get("Name").asString() + "@" + p.get("Version").asString())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
