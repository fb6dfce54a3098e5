package dev.customs.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.match.VulnMatcher;
import dev.customs.server.ApiTestSupport;
import dev.customs.server.identity.Role;
import dev.customs.server.vulndata.VulnerabilityData;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * What the judgement tests share: the bundle of the real test feeds loaded into the shared context,
 * the domain events it publishes (recorded from every thread), and the REST calls to register an
 * image and wait for its judgement.
 */
abstract class JudgementTestSupport extends ApiTestSupport {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
  private static boolean listening;

  @BeforeAll
  static void loadBundleAndRecordEvents(@Autowired VulnerabilityData vulnData,
      @Autowired ConfigurableApplicationContext context) throws Exception {
    vulnData.install(TestVulnData.sharedBundle());
    synchronized (EVENTS) {
      if (!listening) {
        context.addApplicationListener((ApplicationEvent event) -> {
          if (event instanceof PayloadApplicationEvent<?> payload) {
            EVENTS.add(payload.getPayload());
          }
        });
        listening = true;
      }
    }
  }

  void createRegistry(LocalRegistry target) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "judge-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", target.url());
    body.put("insecure", true);
    MvcResult created = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
  }

  String registerAndAwaitJudgement(String reference) throws Exception {
    JsonNode body = read(mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", reference))).andReturn());
    String imageId = body.get("image").get("id").asString();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
      JsonNode image = detail(imageId).get("image");
      assertThat(image.get("latestScan").get("state").asString()).isNotEqualTo("dead");
      return !image.get("judgement").isNull();
    });
    return imageId;
  }

  JsonNode detail(String imageId) throws Exception {
    return read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + imageId)).andReturn());
  }

  String verdict(String imageId) throws Exception {
    return detail(imageId).get("image").get("judgement").get("verdict").asString();
  }

  int scanCount(String imageId) throws Exception {
    return detail(imageId).get("scans").size();
  }

  /** {@code ID PACKAGE VERSION} of each finding the image's detail lists. */
  static Set<String> served(JsonNode detail) {
    return detail.get("vulnerabilities").valueStream().map(v -> v.get("id").asString() + " "
        + v.get("packageName").asString() + " " + v.get("installedVersion").asString()).collect(Collectors.toSet());
  }

  /** What core's matcher finds in the same test image with the same bundle, as {@link #served}. */
  static Set<String> coreFindings(String image) throws Exception {
    Inventory inventory = TestImages.inventory(image);
    try (VulnDb db = VulnDb.open(TestVulnData.sharedBundle())) {
      return new VulnMatcher(db).match(inventory).findings().stream()
          .map((Finding f) -> f.id() + " " + f.pkg().pkg().name() + " " + f.installedVersion())
          .collect(Collectors.toSet());
    }
  }
}
