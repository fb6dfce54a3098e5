package dev.customs.server.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.core.image.Digest;
import dev.customs.core.registry.MediaTypes;
import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A multi-platform tag in a real registry (an OCI index over two images and a build attestation):
 * registering the tag scans the default platform, and that scan registers and scans the tag's other
 * wanted platforms ({@code customs.scanning.platforms}: linux/amd64 and linux/arm64 in tests), never
 * the attestation's {@code unknown/unknown}.
 */
@ServerTest
class MultiPlatformRegistrationTest extends ApiTestSupport {
  private static LocalRegistry registry;
  private static String amdDigest;
  private static String armDigest;

  @BeforeAll
  static void pushIndex() {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "multi/app:amd64");
    registry.push(TestData.testdata("images/distroless-debian12.oci.tar"), null, "multi/app:arm64");
    String amd = registry.inspectRaw("multi/app:amd64");
    String arm = registry.inspectRaw("multi/app:arm64");
    amdDigest = Digest.sha256(amd.getBytes(StandardCharsets.UTF_8)).toString();
    armDigest = Digest.sha256(arm.getBytes(StandardCharsets.UTF_8)).toString();
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + entry(amd, "\"os\":\"linux\",\"architecture\":\"amd64\"") + ","
        + entry(arm, "\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"") + ","
        + entry(amd, "\"os\":\"unknown\",\"architecture\":\"unknown\"") + "]}").getBytes(StandardCharsets.UTF_8);
    registry.putManifest("multi/app", "1.0", MediaTypes.OCI_INDEX, index);
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void theTagsOtherWantedPlatformsAreRegisteredAndScannedByTheFirstScan() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "multi-" + UUID.randomUUID());
    body.put("type", "generic");
    body.put("url", registry.url());
    body.put("insecure", true);
    mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body));
    String reference = registry.host() + "/multi/app:1.0";
    JsonNode registered = read(mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/images"),
        Map.of("reference", reference))).andReturn());
    assertThat(registered.get("image").get("platform").asString()).isEqualTo("linux/amd64");

    List<JsonNode> images = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(
        () -> read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images?repository=multi/app&size=50"))
            .andReturn()).get("items").valueStream().toList(),
        items -> items.size() == 2 && items.stream().allMatch(i -> i.path("latestScan").path("state").asString("")
            .equals("succeeded")));
    Map<String, String> digests = new LinkedHashMap<>();
    images.forEach(i -> digests.put(i.get("platform").asString(), i.get("digest").asString()));
    assertThat(digests).containsOnly(Map.entry("linux/amd64", amdDigest), Map.entry("linux/arm64/v8", armDigest));
  }

  private static String entry(String manifest, String platform) {
    byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
    return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + Digest.sha256(bytes) + "\",\"size\":"
        + bytes.length + ",\"platform\":{" + platform + "}}";
  }
}
