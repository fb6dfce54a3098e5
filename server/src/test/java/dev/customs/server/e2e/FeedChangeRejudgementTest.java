package dev.customs.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.feeds.FeedServer;
import dev.customs.server.identity.Role;
import dev.customs.server.notifications.Receiver;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end with real parts only: feed sync from feeds served over HTTP on loopback (Alpine's
 * secdb and CISA's KEV catalog, the real files of shared/testdata/vulndata), a real registry, scan
 * workers and a webhook receiver. An alpine image is compliant under the first feed set; then the
 * KEV catalog gains one entry, a vulnerability the image has (CVE-2024-9143 in libcrypto3), and
 * "sync now" must install a new bundle that re-judges the stored inventory without pulling (the
 * registry is gone by then), turn the image non-compliant under the baseline policy, and notify.
 * A malformed catalog on the next run must keep both the bundle and the verdict.
 *
 * <p>Its own application context: the feed sources must point at this test's feed server, and the
 * bundles it installs (Alpine and KEV only) must not change what the shared contexts' tests match with.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:customs-feeds-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "customs.secret-key=" + ServerTest.SECRET_KEY,
    "customs.admin-password=" + ServerTest.ADMIN_PASSWORD,
    "customs.home=" + FeedChangeRejudgementTest.HOME,
    "customs.scanning.poll-interval=100ms",
    "customs.scanning.heartbeat=500ms",
    "customs.scanning.lease=5s",
    "customs.scanning.max-attempts=2",
    "customs.scanning.retry-backoff=200ms",
    "customs.notifications.poll-interval=200ms",
    "customs.notifications.retry-backoff=200ms",
    "customs.feeds.schedule=-"})
@AutoConfigureMockMvc
@DirtiesContext // nothing else uses this context: close it, and its scan and delivery workers, after the class
class FeedChangeRejudgementTest extends ApiTestSupport {
  static final String HOME = "target/test-home-feeds-e2e";
  private static final String SECDB = "/v3.20/main.json";
  private static final String KEV = "/sites/default/files/feeds/known_exploited_vulnerabilities.json";
  private static final String ADDED_CVE = "CVE-2024-9143";
  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  private static FeedServer feeds;
  private static byte[] kev;

  /** Runs before the context starts: fresh data directory (no bundle, no kept feed copies), feeds served. */
  @DynamicPropertySource
  static void feedsAreServed(DynamicPropertyRegistry properties) throws IOException {
    deleteTree(Path.of(HOME));
    feeds = new FeedServer();
    feeds.put(SECDB, Files.readAllBytes(TestData.testdata("vulndata/alpine-secdb/v3.20/main.json")));
    kev = Files.readAllBytes(TestData.testdata("vulndata/kev/known_exploited_vulnerabilities.json"));
    feeds.put(KEV, kev);
    properties.add("customs.feeds.sources", () -> "alpine-secdb=" + feeds.url(SECDB) + ",kev=" + feeds.url(KEV));
  }

  @AfterAll
  static void stopFeeds() {
    feeds.close();
  }

  @Test
  void aNewKevEntryTurnsACompliantImageNonCompliantWithoutAPullAndNotifies() throws Exception {
    JsonNode first = syncNow();
    assertThat(first.get("outcome").asString()).as(first.toString()).isEqualTo("INSTALLED");
    assertThat(loadedSha256()).isEqualTo(first.get("bundleSha256").asString());

    String repository = "feeds-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "/alpine";
    try (Receiver receiver = new Receiver()) {
      subscribe(receiver.url("/customs"), repository);
      String imageId;
      try (LocalRegistry registry = LocalRegistry.start()) {
        registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, repository + ":3.20.3");
        createRegistry(registry);
        imageId = registerAndAwaitJudgement(registry.host() + "/" + repository + ":3.20.3");
      }
      JsonNode before = detail(imageId);
      assertThat(before.get("image").get("judgement").get("verdict").asString()).isEqualTo("compliant");
      JsonNode finding = finding(before, ADDED_CVE);
      assertThat(finding.get("packageName").asString()).isEqualTo("libcrypto3");
      assertThat(finding.get("knownExploited").asBoolean()).isFalse();

      // The catalog CISA would publish next: the real one with one more entry.
      feeds.put(KEV, json.writeValueAsBytes(kevWith(ADDED_CVE)));
      JsonNode second = syncNow();
      assertThat(second.get("outcome").asString()).as(second.toString()).isEqualTo("INSTALLED");
      assertThat(second.get("bundleSha256").asString()).isNotEqualTo(first.get("bundleSha256").asString());
      assertThat(loadedSha256()).isEqualTo(second.get("bundleSha256").asString());
      assertThat(second.get("feeds").valueStream().map(f -> f.get("kind").asString() + " " + f.get("outcome")
          .asString())).containsExactly("alpine-secdb NOT_MODIFIED", "kev DOWNLOADED");
      assertThat(second.get("feeds").get(1).get("records").asLong())
          .isEqualTo(first.get("feeds").get(1).get("records").asLong() + 1);

      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
          assertThat(detail(imageId).get("image").get("judgement").get("verdict").asString())
              .isEqualTo("non_compliant"));
      JsonNode after = detail(imageId);
      assertThat(after.get("scans")).as("judged again from the stored inventory, not scanned again").hasSize(1);
      assertThat(finding(after, ADDED_CVE).get("knownExploited").asBoolean()).isTrue();
      assertThat(after.get("assessment").get("policies").valueStream()
          .filter(p -> p.get("name").asString().equals("baseline")).findFirst().orElseThrow()
          .get("blocks").asBoolean()).isTrue();

      JsonNode notified = await().atMost(TIMEOUT).until(() -> nonCompliantNotifications(receiver),
          n -> !n.isEmpty()).getFirst();
      assertThat(notified.get("image").get("imageId").asString()).isEqualTo(imageId);
      assertThat(notified.get("image").get("repository").asString()).isEqualTo(repository);
      assertThat(notified.get("facts").get("Previous verdict").asString()).isEqualTo("compliant");
      assertThat(notified.get("text").asString()).as("names what blocks")
          .contains("knownExploited", ADDED_CVE + " in libcrypto3 3.3.2-r0");

      // A broken catalog on the next run: the run fails, the bundle and the verdict stay.
      feeds.put(KEV, Arrays.copyOf(kev, 5000));
      JsonNode third = syncNow();
      assertThat(third.get("outcome").asString()).as(third.toString()).isEqualTo("FAILED");
      assertThat(third.get("error").asString()).contains("kev", "the bundle in use was kept");
      assertThat(third.get("bundleSha256").isNull()).isTrue();
      assertThat(loadedSha256()).isEqualTo(second.get("bundleSha256").asString());
      JsonNode kept = detail(imageId);
      assertThat(kept.get("image").get("judgement").get("verdict").asString()).isEqualTo("non_compliant");
      assertThat(finding(kept, ADDED_CVE).get("knownExploited").asBoolean()).isTrue();
      assertThat(kept.get("scans")).hasSize(1);
      assertThat(nonCompliantNotifications(receiver)).as("a verdict that stays is not announced again").hasSize(1);
    }
  }

  /** The real KEV catalog with one more entry, shaped like its newest one, at the top as CISA adds them. */
  private ObjectNode kevWith(String cve) {
    ObjectNode catalog = (ObjectNode) json.readTree(kev);
    ArrayNode entries = (ArrayNode) catalog.get("vulnerabilities");
    ObjectNode entry = ((ObjectNode) entries.get(0)).deepCopy();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    entry.put("cveID", cve);
    entry.put("vendorProject", "OpenSSL");
    entry.put("product", "OpenSSL");
    entry.put("vulnerabilityName", "OpenSSL Out-of-Bounds Memory Access Vulnerability");
    entry.put("dateAdded", today);
    entry.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(21).toString());
    entry.put("shortDescription", "Use of the low-level GF(2^m) elliptic curve APIs with untrusted explicit values"
        + " for the field polynomial can lead to out-of-bounds memory reads or writes.");
    entry.put("notes", "https://nvd.nist.gov/vuln/detail/" + cve);
    entries.insert(0, entry);
    catalog.put("count", entries.size());
    catalog.put("catalogVersion", today.replace('-', '.'));
    return catalog;
  }

  /** Starts a sync through the API and answers the finished run. */
  private JsonNode syncNow() throws Exception {
    Set<String> earlier = syncs().stream().map(r -> r.get("id").asString()).collect(Collectors.toSet());
    MvcResult started = mvc.perform(as(Role.ADMIN, HttpMethod.POST, "/api/v1/db/sync")).andReturn();
    assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> syncs().stream()
        .filter(r -> !earlier.contains(r.get("id").asString()))
        .filter(r -> !r.get("outcome").asString().equals("RUNNING")).findFirst().orElse(null), r -> r != null);
  }

  private List<JsonNode> syncs() throws Exception {
    return read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/db/syncs")).andReturn()).valueStream().toList();
  }

  private String loadedSha256() throws Exception {
    return read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/db")).andReturn()).get("sha256").asString();
  }

  private List<JsonNode> nonCompliantNotifications(Receiver receiver) {
    return receiver.received("/customs").stream().map(r -> json.readTree(r.body()))
        .filter(b -> b.get("event").asString().equals("image.non_compliant")).toList();
  }

  private void subscribe(String url, String repository) throws Exception {
    MvcResult result = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/notifications/subscriptions"),
        Map.of("name", "feeds-e2e-" + UUID.randomUUID(), "channel", "webhook", "url", url,
            "events", List.of("image.non_compliant"), "repositories", List.of(repository)))).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
  }

  private void createRegistry(LocalRegistry target) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "feeds-e2e-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", target.url());
    body.put("insecure", true);
    MvcResult created = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
  }

  private String registerAndAwaitJudgement(String reference) throws Exception {
    MvcResult registered = mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", reference))).andReturn();
    assertThat(registered.getResponse().getStatus()).as(registered.getResponse().getContentAsString()).isLessThan(300);
    String imageId = read(registered).get("image").get("id").asString();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
      JsonNode image = detail(imageId).get("image");
      assertThat(image.get("latestScan").get("state").asString()).isNotEqualTo("dead");
      return !image.get("judgement").isNull();
    });
    return imageId;
  }

  private JsonNode detail(String imageId) throws Exception {
    return read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + imageId)).andReturn());
  }

  private static JsonNode finding(JsonNode detail, String id) {
    return detail.get("vulnerabilities").valueStream().filter(v -> v.get("id").asString().equals(id))
        .findFirst().orElseThrow(() -> new AssertionError(id + " is not among the findings: " + detail));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
