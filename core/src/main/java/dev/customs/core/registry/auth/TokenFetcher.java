package dev.customs.core.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.RegistryErrors;
import dev.customs.core.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Gets a token from the realm a {@code Bearer} challenge names: the Docker token protocol (GET
 * {@code realm?service=…&scope=…}, with basic credentials when there are any), or, for an identity
 * token, its OAuth2 form (POST {@code grant_type=refresh_token}), as Docker does.
 */
public final class TokenFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60); // the spec's default
  private static final String CLIENT_ID = "customs";

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  public TokenFetcher(HttpClient http, Duration timeout, Clock clock) {
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  public BearerToken fetch(String registry, AuthChallenge challenge, List<String> scopes,
      Optional<Credentials> credentials) throws IOException {
    String realm = challenge.param("realm").orElseThrow(() -> new RegistryException("authenticate to",
        registry, "the Bearer challenge names no realm"));
    String object = registry + " at " + realm;
    HttpRequest request = credentials.filter(Credentials::isIdentityToken).isPresent()
        ? oauthRequest(realm, challenge, scopes, credentials.get().password())
        : tokenRequest(realm, challenge, scopes, credentials);
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("fetch token for", object, "interrupted", 0, e);
    } catch (IOException e) {
      throw new RegistryException("fetch token for", object, "connection failed: " + e, 0, e);
    }
    if (response.statusCode() != 200) {
      throw RegistryErrors.forStatus("fetch token for", object, response.statusCode(), response.body());
    }
    return parse(object, response.body());
  }

  private HttpRequest tokenRequest(String realm, AuthChallenge challenge, List<String> scopes,
      Optional<Credentials> credentials) throws RegistryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(realm, query(challenge, scopes, null))).timeout(timeout);
    credentials.ifPresent(c -> request.header("Authorization", c.basicHeader()));
    return request.GET().build();
  }

  private HttpRequest oauthRequest(String realm, AuthChallenge challenge, List<String> scopes, String refreshToken)
      throws RegistryException {
    String form = query(challenge, scopes, " ") + "&grant_type=refresh_token&client_id=" + CLIENT_ID
        + "&refresh_token=" + encode(refreshToken);
    return HttpRequest.newBuilder(uri(realm, "")).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
  }

  private BearerToken parse(String object, byte[] body) throws RegistryException {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw new RegistryException("fetch token for", object, "the answer is not JSON", 0, e);
    }
    String token = node.path("token").asText(node.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new RegistryException("fetch token for", object, "the answer holds no token");
    }
    long seconds = node.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    // The registry's issued_at may come from a skewed clock; our own clock decides expiry.
    return BearerToken.of(token, Instant.now(clock), lifetime);
  }

  /**
   * {@code service=…&scope=…}: for GET one {@code scope} parameter per scope; the OAuth2 form joins
   * them with spaces into one.
   */
  private static String query(AuthChallenge challenge, List<String> scopes, String joiner) {
    StringBuilder query = new StringBuilder();
    challenge.param("service").ifPresent(s -> query.append("service=").append(encode(s)));
    List<String> values = joiner == null ? scopes : List.of(String.join(joiner, scopes));
    for (String scope : values) {
      query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(scope));
    }
    return query.toString();
  }

  private static URI uri(String realm, String query) throws RegistryException {
    try {
      return URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
    } catch (IllegalArgumentException e) {
      throw new RegistryException("fetch token from", realm, "the realm is not a valid URL", 0, e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
