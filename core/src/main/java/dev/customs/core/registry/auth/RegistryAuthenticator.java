package dev.customs.core.registry.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authorization for one registry. The first request goes out anonymously; the registry's 401
 * challenge then says whether it wants Basic credentials or a Bearer token, and later requests
 * send that straight away. Tokens are cached per scope until they expire, and dropped when the
 * registry rejects them so the next attempt fetches a fresh one.
 */
public final class RegistryAuthenticator {
  private final String registry;
  private final CredentialSource credentials;
  private final TokenFetcher tokens;
  private final Clock clock;
  private final ConcurrentMap<String, BearerToken> cache = new ConcurrentHashMap<>();
  private volatile AuthChallenge challenge;

  public RegistryAuthenticator(String registry, CredentialSource credentials, TokenFetcher tokens, Clock clock) {
    this.registry = registry;
    this.credentials = CredentialSource.memoized(credentials);
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * The {@code Authorization} value for a request in the given scope (e.g.
   * {@code repository:library/alpine:pull}), or empty while the registry has asked for nothing.
   */
  public Optional<String> authorization(String scope) throws IOException {
    AuthChallenge known = challenge;
    if (known == null) {
      return Optional.empty();
    }
    if (known.isBasic()) {
      return credentials.get().map(Credentials::basicHeader);
    }
    BearerToken token = cache.get(scope);
    if (token == null || !token.validAt(Instant.now(clock))) {
      token = tokens.fetch(registry, known, List.of(scope), credentials.get());
      cache.put(scope, token);
    }
    return Optional.of("Bearer " + token.token());
  }

  /**
   * Learns from a 401 answer. Returns true when sending the request again may succeed: the
   * registry asked for something not yet sent, or rejected a token that can be replaced.
   */
  public boolean onUnauthorized(Optional<String> wwwAuthenticate, String scope) throws IOException {
    Optional<AuthChallenge> parsed = wwwAuthenticate.flatMap(AuthChallenge::parse);
    if (parsed.isEmpty()) {
      return false;
    }
    AuthChallenge next = parsed.get();
    AuthChallenge previous = challenge;
    if (next.isBasic()) {
      challenge = next;
      boolean alreadySent = previous != null && previous.isBasic();
      return !alreadySent && credentials.get().isPresent();
    }
    if (next.isBearer()) {
      challenge = next;
      cache.remove(scope);
      return true;
    }
    return false;
  }
}
