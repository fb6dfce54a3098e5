package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.RegistryException;
import dev.customs.core.registry.LinkHeader;
import dev.customs.core.registry.RegistryHosts;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.RegistryTls;
import dev.customs.core.registry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON over HTTP to a vendor's REST API (Harbor, Quay, GitLab, Nexus, Docker Hub, the token
 * exchanges): one base URL, one Authorization value, the registry options' retries, and failures
 * as {@link RegistryException}s that name what was being listed and the status.
 */
final class ApiClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 32 << 20;

  private final URI base;
  private final HttpClient http;
  private final RegistryOptions options;
  private volatile Optional<String> authorization;

  /** A page of an API answer: its JSON and its headers (pagination lives in both). */
  public record Page(JsonNode body, HttpHeaders headers, URI uri) {
  }

  ApiClient(String baseUrl, RegistryOptions options, Optional<String> authorization) throws IOException {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.options = options;
    this.authorization = authorization;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL);
    Path ca = options.caFiles().get(RegistryHosts.canonical(base.getRawAuthority()));
    if (ca != null) {
      builder.sslContext(RegistryTls.withExtraCa(ca));
    }
    this.http = builder.build();
  }

  public void authorize(String value) {
    this.authorization = Optional.of(value);
  }

  /** GET a path relative to the base URL (or an absolute URL the API handed out for paging). */
  public Page get(String action, String target) throws RegistryException {
    return send(action, request(target).GET());
  }

  /** POST a body with its content type. */
  public Page post(String action, String target, String contentType, String body) throws RegistryException {
    return send(action, request(target).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST an {@code application/x-www-form-urlencoded} form. */
  public Page postForm(String action, String target, Map<String, String> form) throws RegistryException {
    return post(action, target, "application/x-www-form-urlencoded", FormEncoding.encode(form));
  }

  /**
   * Walks a paginated listing: {@code items} picks the array of one page, {@code next} the target
   * of the following page (a Link header, a {@code next} URL, a token turned into a query).
   */
  public List<JsonNode> collect(String action, String first, Function<Page, JsonNode> items,
      Function<Page, Optional<String>> next) throws RegistryException {
    List<JsonNode> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<String> target = Optional.of(first);
    while (target.isPresent()) {
      if (!seen.add(target.get())) {
        throw new RegistryException(action, resolve(target.get()).toString(), "the pagination loops back to a page already read");
      }
      Page page = get(action, target.get());
      JsonNode list = items.apply(page);
      if (!list.isArray()) {
        throw new RegistryException(action, page.uri().toString(), "the answer holds no list where one was expected");
      }
      list.forEach(all::add);
      target = next.apply(page);
    }
    return all;
  }

  /** The {@code rel="next"} of a page's Link header. */
  public static Optional<String> linkNext(Page page) {
    return LinkHeader.next(page.headers().firstValue("Link"));
  }

  public URI resolve(String target) {
    return base.resolve(target.startsWith("/") ? target.substring(1) : target);
  }

  private HttpRequest.Builder request(String target) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(target)).timeout(options.readTimeout())
        .header("Accept", "application/json");
    authorization.ifPresent(a -> builder.header("Authorization", a));
    return builder;
  }

  /** Sends with the registry options' retries: 429, 5xx and connection failures back off and try again. */
  private Page send(String action, HttpRequest.Builder builder) throws RegistryException {
    HttpRequest request = builder.build();
    String object = request.uri().getRawAuthority() + request.uri().getRawPath();
    RetryPolicy retry = new RetryPolicy(options.maxAttempts(), options.retryBaseDelay());
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new RegistryException(action, object, "cannot connect: " + e, 0, e);
        }
        sleep(action, object, retry.delay(attempt, Optional.empty(), Instant.now()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(action, object, "interrupted", 0, e);
      }
      if (RetryPolicy.retryableStatus(response.statusCode()) && attempt < retry.maxAttempts()) {
        sleep(action, object, retry.delay(attempt, response.headers().firstValue("Retry-After"), Instant.now()));
        continue;
      }
      return page(action, object, request, response);
    }
  }

  private static Page page(String action, String object, HttpRequest request, HttpResponse<byte[]> response)
      throws RegistryException {
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new RegistryException(action, object, status + " " + reason(status) + snippet(response.body()), status, null);
    }
    if (response.body().length > MAX_BODY) {
      throw new RegistryException(action, object, "the answer is over " + MAX_BODY + " bytes");
    }
    try {
      JsonNode body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
      return new Page(body, response.headers(), request.uri());
    } catch (IOException e) {
      throw new RegistryException(action, object, "the answer is not JSON: " + e.getMessage(), status, e);
    }
  }

  private static void sleep(String action, String object, Duration delay) throws RegistryException {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(action, object, "interrupted while waiting to retry", 0, e);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 401 -> "unauthorized (check the username and token)";
      case 403 -> "forbidden (the account lacks permission)";
      case 404 -> "not found (check the URL and names)";
      case 429 -> "too many requests";
      default -> status >= 500 ? "server error" : "unexpected answer";
    };
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "" : ": " + text;
  }

  @Override
  public void close() {
    http.close();
  }
}
