import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for POST /api/v1/images: REQUESTS registrations of distinct references from
 * CONCURRENCY clients; prints throughput and latency percentiles. Run by scripts/bench-server.sh:
 * java RegistrationLoad.java BASE_URL TOKEN REQUESTS CONCURRENCY
 */
public class RegistrationLoad {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int requests = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    String run = Long.toString(System.nanoTime(), 36);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        clients.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
            String body = "{\"reference\":\"docker.io/bench/app-" + run + "-" + i + ":1\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            try {
              int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
              if (status != 202) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
            latencies.add(System.nanoTime() - t0);
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("registrations: %d in %.2f s = %.0f/s, concurrency %d, failures %d%n", requests, seconds,
        requests / seconds, concurrency, failures.get());
    System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
        pct(sorted, 99), sorted.getLast() / 1e6);
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }
}
