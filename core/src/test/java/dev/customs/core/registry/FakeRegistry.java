package dev.customs.core.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable HTTP server on loopback that plays a registry behaving badly (wrong digests, huge
 * manifests, rate limits, dropped connections, redirects), recording every request it gets.
 */
final class FakeRegistry implements AutoCloseable {
  /** Answers one request; {@code hit} counts the requests to this path so far, from 1. */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange, int hit) throws IOException;
  }

  record Recorded(String method, String path, Optional<String> authorization) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new ArrayList<>();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  FakeRegistry on(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  /** {@code 127.0.0.1:PORT}. */
  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    synchronized (this) {
      requests.add(new Recorded(exchange.getRequestMethod(), path,
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
    }
    Route route = routes.get(path);
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      if (route == null) {
        send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"no route\"}]}".getBytes());
      } else {
        route.handle(exchange, hit);
      }
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
