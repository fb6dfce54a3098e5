package dev.customs.core.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.customs.core.registry.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker-token-protocol front for a real registry: {@code /v2/...} answers 401 with a Bearer
 * challenge unless it carries a token this proxy issued, then forwards to the registry (any method,
 * with the body; upload {@code Location}s made relative so that uploads come back through it);
 * {@code /token} issues tokens to one user. Stands in for Docker Hub-style auth in tests.
 */
final class TokenProxy implements AutoCloseable {
  private static final Pattern REPO = Pattern.compile("^/v2/(.+)/(manifests|blobs|tags)/.*");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String registryUrl;
  private final Credentials user;
  private final long expiresIn;
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> tokenQueries = new CopyOnWriteArrayList<>();

  TokenProxy(String registryUrl, Credentials user, long expiresIn) throws IOException {
    this.registryUrl = registryUrl;
    this.user = user;
    this.expiresIn = expiresIn;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::registry);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The query strings of the token requests, in order. */
  List<String> tokenQueries() {
    return List.copyOf(tokenQueries);
  }

  /** Forgets every token issued so far, as a token service does when they expire or are revoked. */
  void revokeAll() {
    valid.clear();
  }

  /** The identity token (OAuth2 refresh token) this service accepts, as {@code docker login} stores it. */
  String identityToken() {
    return "idt-" + user.username();
  }

  private void token(HttpExchange ex) throws IOException {
    try (ex) {
      if (ex.getRequestMethod().equals("POST")) {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenQueries.add("POST " + form);
        if (!form.contains("&grant_type=refresh_token&") || !form.endsWith("&refresh_token=" + identityToken())) {
          FakeRegistry.send(ex, 401, "application/json", "{\"error\":\"invalid_grant\"}".getBytes());
          return;
        }
        issue(ex, "access_token");
        return;
      }
      tokenQueries.add(ex.getRequestURI().getRawQuery());
      if (!user.basicHeader().equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        FakeRegistry.send(ex, 401, "application/json", "{\"details\":\"incorrect username or password\"}".getBytes());
        return;
      }
      issue(ex, "token");
    }
  }

  private void issue(HttpExchange ex, String field) throws IOException {
    String token = "tok-" + issued.incrementAndGet();
    valid.add(token);
    FakeRegistry.send(ex, 200, "application/json",
        ("{\"" + field + "\":\"" + token + "\",\"expires_in\":" + expiresIn + "}").getBytes());
  }

  private void registry(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ") || !valid.contains(auth.substring(7))) {
        Matcher m = REPO.matcher(ex.getRequestURI().getPath());
        String actions = List.of("GET", "HEAD").contains(ex.getRequestMethod()) ? "pull" : "pull,push";
        String scope = m.matches() ? ",scope=\"repository:" + m.group(1) + ":" + actions + "\"" : "";
        ex.getResponseHeaders().set("WWW-Authenticate",
            "Bearer realm=\"http://" + host() + "/token\",service=\"customs-test\"" + scope);
        byte[] body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"token required\"}]}".getBytes();
        FakeRegistry.send(ex, 401, "application/json", ex.getRequestMethod().equals("HEAD") ? new byte[0] : body);
        return;
      }
      forward(ex);
    }
  }

  private void forward(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registryUrl + ex.getRequestURI()))
        .method(ex.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : List.of("Accept", "Content-Type")) {
      String value = ex.getRequestHeaders().getFirst(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    HttpResponse<InputStream> response;
    try {
      response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    for (String name : List.of("Content-Type", "Docker-Content-Digest", "Link")) {
      response.headers().firstValue(name).ifPresent(v -> ex.getResponseHeaders().set(name, v));
    }
    // The registry's absolute upload URL points past this proxy; relative, it comes back through it.
    response.headers().firstValue("Location").ifPresent(v -> ex.getResponseHeaders().set("Location",
        v.startsWith(registryUrl) ? v.substring(registryUrl.length()) : v));
    long length = ex.getRequestMethod().equals("HEAD")
        ? 0 : response.headers().firstValueAsLong("Content-Length").orElse(0);
    ex.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length);
    try (InputStream in = response.body()) {
      if (length > 0) {
        in.transferTo(ex.getResponseBody());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    upstream.close();
  }
}
