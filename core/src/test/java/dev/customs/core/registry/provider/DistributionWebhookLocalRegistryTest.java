package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.customs.core.registry.MediaTypes;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real peer: the Debian docker-registry sends its notifications to a local endpoint while
 * skopeo pushes an image; the distribution parser turns the deliveries into exactly one push.
 */
class DistributionWebhookLocalRegistryTest {

  @Test
  void skopeoPushBecomesOnePushEventWithTheRegistrysDigest() throws Exception {
    BlockingQueue<WebhookRequest> deliveries = new LinkedBlockingQueue<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext("/hook", exchange -> {
      Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
      deliveries.add(new WebhookRequest(headers, Map.of(), exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    hook.start();
    String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
    try (LocalRegistry registry = LocalRegistry.startWithNotifications(url, "Authorization: Bearer t0ken")) {
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "demo/alpine:1");
      WebhookParser parser = RegistryProviders.forType("generic").webhookParser();
      List<RegistryEvent> events = new ArrayList<>();
      List<WebhookRequest> received = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (events.isEmpty() && System.nanoTime() < deadline) {
        WebhookRequest delivery = deliveries.poll(1, TimeUnit.SECONDS);
        if (delivery != null) {
          received.add(delivery);
          events.addAll(parser.parse(delivery).events());
        }
      }
      // later deliveries (the rest of the blob pushes) must not add image events
      for (WebhookRequest late; (late = deliveries.poll(2, TimeUnit.SECONDS)) != null; ) {
        received.add(late);
        events.addAll(parser.parse(late).events());
      }
      assertThat(events).singleElement().isEqualTo(RegistryEvent.push("demo/alpine", "1",
          registryDigest(registry, "demo/alpine", "1"), MediaTypes.OCI_MANIFEST));
      assertThat(received).allSatisfy(d -> {
        assertThat(d.header("Content-Type").orElseThrow()).contains("application/vnd.docker.distribution.events");
        assertThat(parser.authenticate(d, "t0ken")).isTrue();
        assertThat(parser.authenticate(d, "t0kem")).isFalse();
      });
      WebhookRequest tampered = WebhookRequest.of(Map.of("Authorization", "Bearer t0kem"), received.getFirst().body());
      assertThat(parser.authenticate(tampered, "t0ken")).isFalse();
    } finally {
      hook.stop(0);
    }
  }

  /** What the registry itself says the manifest's digest is. */
  private static String registryDigest(LocalRegistry registry, String repository, String tag) throws Exception {
    HttpRequest head = HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/manifests/" + tag))
        .header("Accept", String.join(", ", MediaTypes.ACCEPTED)).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(head, HttpResponse.BodyHandlers.discarding()).headers().firstValue("Docker-Content-Digest")
          .orElseThrow();
    }
  }
}
