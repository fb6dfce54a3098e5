package dev.customs.server.notifications.channel;

import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.registries.RegistryUrlGuard;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * POSTs JSON to the HTTP channels. Redirects are not followed and every address is checked against
 * the request-forgery rules (when saved and again before each send, as DNS may change), so a
 * notification URL cannot be turned into a way to reach internal services.
 */
@Component
public class JsonPoster {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERROR_BODY = 300;

  private final RegistryUrlGuard guard;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public JsonPoster(RegistryUrlGuard guard) {
    this.guard = guard;
  }

  /** Parses and checks an HTTP(S) channel URL. */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("url", "\"" + url + "\" is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new InvalidRequestException("url", "a notification URL must be http(s)://host/..., got \"" + url + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException("url", "a notification URL must not carry user:password@; got \"" + url + "\"");
    }
    guard.checkHost(url, uri.getHost());
    return uri;
  }

  /** POSTs {@code body}; any 2xx is success, 408/429/5xx and network errors may be retried. */
  public int post(String url, byte[] body, Map<String, String> headers) throws DeliveryException {
    URI uri;
    try {
      uri = check(url);
    } catch (InvalidRequestException e) {
      throw new DeliveryException(e.getBody().getDetail(), null, true);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").header("User-Agent", "Customs-Notifications")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException("cannot reach " + uri.getHost() + ": " + describe(e), null, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending to " + uri.getHost(), null, false);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return status;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryException(uri.getHost() + " answered " + status + excerpt(response.body()), status, !retryable);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return ": " + (line.length() > MAX_ERROR_BODY ? line.substring(0, MAX_ERROR_BODY) + "…" : line);
  }
}
