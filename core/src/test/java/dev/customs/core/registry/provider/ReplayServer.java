package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.customs.core.registry.provider.HttpExchangeFile.Exchange;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback HTTP server that answers with recorded exchanges: the vendors' documented API answers
 * replayed to the real enumerators. A request matches an exchange on method and path, on every
 * query parameter the recording names (cursor parameters must agree both ways), on the recorded
 * Authorization and X-Amz-Target headers, and on the string fields of a recorded JSON or form body;
 * the most specific match wins. Recorded absolute URLs of the vendor host are rewritten to this server.
 */
final class ReplayServer implements BeforeEachCallback, AfterEachCallback {
  private static final Set<String> CURSORS = Set.of("page", "last", "next_page", "continuationToken");
  /** Page sizes and detail switches differ between the recordings and the clients; they do not pick a page. */
  private static final Set<String> IGNORED = Set.of("page_size", "per_page", "limit", "with_detail",
      "with_tag", "with_scan_overview", "orderby");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final Map<String, String> rewrites = new HashMap<>();
  private final List<Exchange> received = new CopyOnWriteArrayList<>();

  /** Register with {@code @RegisterExtension}: it listens from before each test until after it. */
  ReplayServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback HTTP server", e);
    }
    server.createContext("/", this::handle);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.stop(0);
  }

  /** A recorded exchange from shared/testdata/registry-api, e.g. {@code "acr/oauth2-token.http"}. */
  static Path recording(String file) {
    return TestData.testdata("registry-api/" + file);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Replays every exchange of a shared {@code .http} file, rewriting {@code origin} to this server. */
  ReplayServer replay(Path file, String origin) throws IOException {
    rewrites.put(origin, url());
    exchanges.addAll(HttpExchangeFile.read(file));
    return this;
  }

  ReplayServer answer(String method, String target, Map<String, String> requestHeaders, String requestBody,
      int status, Map<String, String> responseHeaders, String responseBody) {
    exchanges.add(new Exchange(method, target, requestHeaders, requestBody, status, responseHeaders, responseBody));
    return this;
  }

  /** A JSON answer to a GET. */
  ReplayServer json(String target, String body, Map<String, String> headers) {
    return answer("GET", target, Map.of(), "", 200, headers, body);
  }

  /** The requests received, as exchanges without answers. */
  List<Exchange> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange http) throws IOException {
    String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    http.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
    String target = http.getRequestURI().getRawPath()
        + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery());
    received.add(new Exchange(http.getRequestMethod(), target, headers, body, 0, Map.of(), ""));
    Optional<Exchange> match = exchanges.stream()
        .filter(e -> matches(e, http.getRequestMethod(), target, headers, body))
        .max(Comparator.comparingInt(ReplayServer::specificity));
    byte[] answer;
    if (match.isEmpty()) {
      answer = ("no recorded exchange for " + http.getRequestMethod() + " " + target).getBytes(StandardCharsets.UTF_8);
      http.sendResponseHeaders(404, answer.length);
    } else {
      match.get().responseHeaders().forEach((k, v) -> http.getResponseHeaders().add(k, rewrite(v)));
      answer = rewrite(match.get().responseBody()).getBytes(StandardCharsets.UTF_8);
      http.sendResponseHeaders(match.get().status(), answer.length == 0 ? -1 : answer.length);
    }
    try (var out = http.getResponseBody()) {
      out.write(answer);
    }
  }

  /** An exchange recorded with credentials beats the anonymous one (the 401 challenge) on the same path. */
  private static int specificity(Exchange e) {
    boolean authorized = e.requestHeaders().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Authorization"));
    Map<String, String> recorded = query(e.target());
    recorded.keySet().removeAll(IGNORED);
    return recorded.size() + (authorized ? 100 : 0);
  }

  private String rewrite(String text) {
    String out = text;
    for (Map.Entry<String, String> r : rewrites.entrySet()) {
      out = out.replace(r.getKey(), r.getValue());
    }
    return out;
  }

  private static boolean matches(Exchange e, String method, String target, Map<String, String> headers, String body) {
    if (!e.method().equals(method) || !path(e.target()).equals(path(target))) {
      return false;
    }
    Map<String, String> recorded = query(e.target());
    recorded.keySet().removeAll(IGNORED);
    Map<String, String> actual = query(target);
    boolean queryOk = recorded.entrySet().stream().allMatch(q -> q.getValue().equals(actual.get(q.getKey())))
        && actual.keySet().stream().filter(CURSORS::contains).allMatch(recorded::containsKey);
    boolean headersOk = e.requestHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Authorization") || h.getKey().equalsIgnoreCase("X-Amz-Target"))
        .allMatch(h -> h.getValue().contains("<") ? headers.containsKey(h.getKey().toLowerCase())
            : h.getValue().equals(headers.get(h.getKey().toLowerCase())));
    return queryOk && headersOk && bodyMatches(e.requestBody(), body);
  }

  /** Recorded JSON string fields (nextToken both ways) or a recorded form's grant_type must agree. */
  private static boolean bodyMatches(String recorded, String actual) {
    if (recorded.isBlank()) {
      return true;
    }
    if (recorded.startsWith("{")) {
      try {
        JsonNode want = JSON.readTree(recorded);
        JsonNode got = JSON.readTree(actual);
        List<String> fields = new ArrayList<>();
        want.fieldNames().forEachRemaining(fields::add);
        return fields.stream().filter(f -> want.get(f).isTextual()).allMatch(f -> want.get(f).equals(got.get(f)))
            && (want.has("nextToken") || !got.has("nextToken"));
      } catch (IOException ex) {
        return false;
      }
    }
    return query("?" + recorded).get("grant_type").equals(query("?" + actual).get("grant_type"));
  }

  private static String path(String target) {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  static Map<String, String> query(String target) {
    Map<String, String> params = new HashMap<>();
    String raw = URI.create("http://x" + target.replace(" ", "%20")).getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
