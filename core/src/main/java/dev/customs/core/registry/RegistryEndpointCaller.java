package dev.customs.core.registry;

import dev.customs.core.registry.auth.RegistryAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends every request to one registry: picks https (http for insecure hosts, and for loopback hosts
 * that do not speak TLS), adds authorization, retries 429/5xx and connection failures with backoff, follows
 * redirects itself so that credentials never leave the registry's host, and turns failures into
 * {@link RegistryException}s naming the action.
 */
final class RegistryEndpointCaller {
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A loopback server that has not answered a TLS handshake by then does not speak TLS. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** A loopback registry answers a plain GET /v2/ in milliseconds; no answer only costs the TLS probe. */
  private static final Duration PLAIN_PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final String apiHost;
  private final Transport transport;
  private final HttpClient http;
  private final RegistryAuthenticator auth;
  private final RetryPolicy retry;
  private final Duration readTimeout;
  private final Clock clock;
  private volatile URI base;

  /** How to pick the scheme: always https, always http, or https unless the host does not speak TLS. */
  enum Transport { HTTPS, HTTP, PROBE }

  RegistryEndpointCaller(String apiHost, Transport transport, HttpClient http, RegistryAuthenticator auth,
      RetryPolicy retry, Duration readTimeout, Clock clock) {
    this.apiHost = apiHost;
    this.transport = transport;
    this.http = http;
    this.auth = auth;
    this.retry = retry;
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  /** Sends the request until it succeeds or cannot; the caller must close the 2xx body. */
  HttpResponse<InputStream> call(RegistryRequest request) throws RegistryException {
    URI uri = resolve(request, base(), request.target());
    boolean reauthorized = false;
    int attempt = 1;
    while (true) {
      Optional<String> authorization = authorization(request);
      HttpResponse<InputStream> response;
      try {
        response = send(uri, request, authorization);
      } catch (RegistryException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts() || !ConnectionFailures.retryable(e)) {
          throw new RegistryException(request.action(), request.object(),
              ConnectionFailures.describe(e, attempt), 0, e);
        }
        sleep(request, retry.delay(attempt++, Optional.empty(), Instant.now(clock)));
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response;
      }
      if (status == 401 && !reauthorized && onUnauthorized(request, response)) {
        reauthorized = true;
        continue;
      }
      if (RetryPolicy.retryableStatus(status) && attempt < retry.maxAttempts()) {
        discard(response);
        sleep(request, retry.delay(attempt++, response.headers().firstValue("Retry-After"), Instant.now(clock)));
        continue;
      }
      throw failure(request, response, attempt);
    }
  }

  private Optional<String> authorization(RegistryRequest request) throws RegistryException {
    try {
      return auth.authorization(request.scope());
    } catch (RegistryException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistryException(request.action(), request.object(), "cannot get credentials: " + e.getMessage(), 0, e);
    }
  }

  private boolean onUnauthorized(RegistryRequest request, HttpResponse<InputStream> response) throws RegistryException {
    try {
      boolean again = auth.onUnauthorized(response.headers().firstValue("WWW-Authenticate"), request.scope());
      if (again) {
        discard(response);
      }
      return again;
    } catch (RegistryException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistryException(request.action(), request.object(), "cannot get credentials: " + e.getMessage(), 0, e);
    }
  }

  private RegistryException failure(RegistryRequest request, HttpResponse<InputStream> response, int attempts) {
    int status = response.statusCode();
    String reason = RegistryErrors.describe(status, readErrorBody(response));
    if (RetryPolicy.retryableStatus(status) && attempts > 1) {
      reason += ", gave up after " + attempts + " attempts";
    }
    return new RegistryException(request.action(), request.object(), reason, status, null);
  }

  /** Follows redirects; the Authorization header goes only to the registry's own origin. */
  private HttpResponse<InputStream> send(URI uri, RegistryRequest request, Optional<String> authorization)
      throws IOException {
    URI current = uri;
    boolean sameOrigin = true;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(readTimeout);
      if (request.body().isPresent()) {
        builder.header("Content-Type", request.body().get().contentType())
            .method(request.method(), request.body().get().publisher());
      } else {
        builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
      }
      if (!request.accept().isEmpty()) {
        builder.header("Accept", String.join(", ", request.accept()));
      }
      sameOrigin = sameOrigin && sameOrigin(current, uri);
      if (sameOrigin) {
        authorization.ifPresent(a -> builder.header("Authorization", a));
      }
      HttpResponse<InputStream> response = sendOnce(request, builder.build());
      Optional<String> location = response.headers().firstValue("Location");
      if (!isRedirect(response.statusCode()) || location.isEmpty() || hop >= MAX_REDIRECTS) {
        return response;
      }
      discard(response);
      current = resolve(request, current, location.get());
    }
  }

  /** A target or Location the registry sent that is not an http(s) URL is the registry's error. */
  private static URI resolve(RegistryRequest request, URI base, String target) throws RegistryException {
    try {
      URI uri = base.resolve(target);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new RegistryException(request.action(), request.object(), "invalid URL \"" + target + "\": "
          + e.getMessage(), 0, e);
    }
  }

  private HttpResponse<InputStream> sendOnce(RegistryRequest request, HttpRequest httpRequest) throws IOException {
    try {
      return http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(request.action(), request.object(), "interrupted", 0, e);
    }
  }

  private URI base() {
    URI known = base;
    if (known == null) {
      known = URI.create(chooseScheme() + "://" + apiHost + "/");
      base = known;
    }
    return known;
  }

  /**
   * Insecure hosts are spoken to over http as asked. A loopback registry gets https unless it does
   * not speak TLS at all; a certificate problem is never a reason to fall back to http.
   */
  private String chooseScheme() {
    if (transport != Transport.PROBE) {
      return transport == Transport.HTTP ? "http" : "https";
    }
    if (answersPlainHttp()) {
      return "http";
    }
    HttpRequest probe = HttpRequest.newBuilder(URI.create("https://" + apiHost + "/v2/")).timeout(PROBE_TIMEOUT)
        .GET().build();
    try {
      http.send(probe, HttpResponse.BodyHandlers.discarding());
      return "https";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "https";
    } catch (IOException e) {
      return ConnectionFailures.notTls(e) ? "http" : "https";
    }
  }

  /**
   * Whether the loopback server answers a plain-HTTP GET /v2/ as a registry does (200, or 401 asking
   * for credentials). A TLS port answers plain HTTP with 400 or by closing the connection, and then
   * the TLS probe decides as before. Asking in plain HTTP first spares a plain registry the TLS
   * handshake, whose first use in a JVM (key generation, provider setup) cost about 0.2 s of CPU.
   */
  private boolean answersPlainHttp() {
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + apiHost + "/v2/")).timeout(PLAIN_PROBE_TIMEOUT)
        .GET().build();
    try {
      int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 || status == 401;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static void sleep(RegistryRequest request, Duration delay) throws RegistryException {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(request.action(), request.object(), "interrupted while waiting to retry", 0, e);
    }
  }

  private static byte[] readErrorBody(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0]; // the status alone still explains the failure
    }
  }

  static void discard(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing more is needed from this answer
    }
  }
}
