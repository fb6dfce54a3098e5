package dev.customs.cli.command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a real registry that passes manifests and configs through, but
 * sends only the first kilobyte of every layer blob and then stalls until closed: a registry whose
 * storage hangs mid-download.
 */
final class StallingProxy implements AutoCloseable {
  private static final int SENT_BEFORE_STALL = 1024;
  private static final List<String> HEADERS = List.of("Content-Type", "Docker-Content-Digest", "Www-Authenticate");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger stalledBlobs = new AtomicInteger();
  private final String upstream;

  /** @param upstream the registry's base URL, e.g. {@code http://127.0.0.1:5000} */
  StallingProxy(String upstream) throws IOException {
    this.upstream = upstream;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many blob downloads were started and left hanging. */
  int stalledBlobs() {
    return stalledBlobs.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      if (accept != null) {
        request.header("Accept", accept);
      }
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      HEADERS.forEach(h -> response.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().set(h, v)));
      long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
      boolean blob = exchange.getRequestURI().getPath().contains("/blobs/")
          && exchange.getRequestMethod().equals("GET");
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), head || length == 0 ? -1 : length);
      try (InputStream body = response.body(); OutputStream out = exchange.getResponseBody()) {
        if (blob && length > SENT_BEFORE_STALL && response.statusCode() == 200) {
          out.write(body.readNBytes(SENT_BEFORE_STALL));
          out.flush();
          stalledBlobs.incrementAndGet();
          closed.await();
        } else {
          body.transferTo(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
    client.close();
  }
}
