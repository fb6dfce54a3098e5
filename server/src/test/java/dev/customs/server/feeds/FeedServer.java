package dev.customs.server.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves feed files over HTTP on 127.0.0.1 the way the real feed hosts do: an {@code ETag} (the
 * content's hash) and {@code Last-Modified}, 304 for a matching {@code If-None-Match}. A path can be
 * made to fail with a status. {@code /rest/json/cves/2.0} answers like the NVD CVE API: one CVE
 * document per page by {@code startIndex}, and the number of changes for a {@code lastModStartDate} query.
 */
public final class FeedServer implements AutoCloseable {
  private static final String NVD_PATH = "/rest/json/cves/2.0";

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile List<String> nvdPages = List.of();
  private volatile int nvdChanges;

  public FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void put(String path, byte[] content) {
    files.put(path, content);
    failures.remove(path);
  }

  public void fail(String path, int status) {
    failures.put(path, status);
  }

  /** The NVD API's CVE documents, one per page, and how many changed since any date asked about. */
  public void nvd(List<String> pages, int changes) {
    nvdPages = List.copyOf(pages);
    nvdChanges = changes;
  }

  /** Requests so far, as {@code STATUS PATH?QUERY}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getPath();
    int status;
    try (exchange) {
      if (failures.containsKey(path)) {
        status = failures.get(path);
        send(exchange, status, "failure".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(NVD_PATH)) {
        status = 200;
        send(exchange, 200, nvd(uri.getQuery()));
      } else if (!files.containsKey(path)) {
        status = 404;
        send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        byte[] content = files.get(path);
        String etag = "\"" + sha256(content) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          status = 304;
          exchange.sendResponseHeaders(304, -1);
        } else {
          status = 200;
          send(exchange, 200, content);
        }
      }
    }
    requests.add(status + " " + path + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
  }

  private byte[] nvd(String query) {
    if (query.contains("lastModStartDate=")) {
      return ("{\"resultsPerPage\":0,\"startIndex\":0,\"totalResults\":" + nvdChanges + ",\"format\":\"NVD_CVE\","
          + "\"version\":\"2.0\",\"timestamp\":\"2026-11-22T00:00:00.000\",\"vulnerabilities\":[]}")
          .getBytes(StandardCharsets.UTF_8);
    }
    int index = Integer.parseInt(query.replaceAll(".*startIndex=(\\d+).*", "$1"));
    // A real single-CVE answer, its paging fields set to say where it stands in the whole list.
    return nvdPages.get(index)
        .replaceFirst("\"startIndex\"\\s*:\\s*0", "\"startIndex\": " + index)
        .replaceFirst("\"totalResults\"\\s*:\\s*1", "\"totalResults\": " + nvdPages.size())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
