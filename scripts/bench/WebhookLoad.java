import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook burst against a running console: DELIVERIES distribution notifications (tags t0..tN-1 of
 * REPOSITORY, which the registry holds) from CONCURRENCY clients; prints the accepted rate, then
 * waits until no scan is queued or running and prints the time until every image was scanned.
 * Run by scripts/bench-webhooks.sh:
 * java WebhookLoad.java BASE_URL REGISTRY_ID SECRET ADMIN_PASSWORD REPOSITORY DIGEST DELIVERIES CONCURRENCY
 */
public class WebhookLoad {
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String hook = base + "/api/v1/registries/" + args[1] + "/webhook";
    String secret = args[2];
    String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[3]).getBytes());
    String repository = args[4];
    String digest = args[5];
    int deliveries = Integer.parseInt(args[6]);
    int concurrency = Integer.parseInt(args[7]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        clients.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
            String body = "{\"events\":[{\"id\":\"bench-" + i + "\",\"action\":\"push\",\"target\":{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest + "\",\"repository\":\""
                + repository + "\",\"tag\":\"t" + i + "\"}}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook)).header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
              if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 202) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    }
    double accepted = (System.nanoTime() - start) / 1e9;
    System.out.printf("webhooks: %d accepted (queued) in %.2f s = %.0f/s, concurrency %d, failures %d%n",
        deliveries, accepted, deliveries / accepted, concurrency, failures.get());
    while (count(http, base, admin, "queued") + count(http, base, admin, "running") > 0) {
      Thread.sleep(250);
    }
    double scanned = (System.nanoTime() - start) / 1e9;
    System.out.printf("all scans finished %.2f s after the first delivery: %d succeeded, %d dead%n", scanned,
        count(http, base, admin, "succeeded"), count(http, base, admin, "dead"));
  }

  private static long count(HttpClient http, String base, String admin, String state) throws Exception {
    String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scans?size=1&state=" + state))
        .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher total = TOTAL.matcher(body);
    if (!total.find()) {
      throw new IllegalStateException("unexpected /api/v1/scans answer: " + body);
    }
    return Long.parseLong(total.group(1));
  }
}
