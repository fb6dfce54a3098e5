package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryHosts;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.RegistryTls;
import dev.customs.core.registry.auth.AuthChallenge;
import dev.customs.core.registry.auth.TokenFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Knocks on {@code /v2/}: once to see whether TLS verifies, once more with credentials, answering
 * the registry's challenge (Basic, or a Bearer token from its realm) the way a client would.
 */
final class V2Probe {
  private final RegistryIntegration integration;
  private final RegistryOptions options;

  V2Probe(RegistryIntegration integration, RegistryOptions options) {
    this.integration = integration;
    this.options = options;
  }

  ConnectionStep tls() {
    if (integration.plainHttp()) {
      return ConnectionStep.skipped("tls", "plain HTTP as configured (" + integration.url() + "): no TLS");
    }
    try (HttpClient http = client()) {
      HttpResponse<Void> response = http.send(request(Optional.empty()), HttpResponse.BodyHandlers.discarding());
      return ConnectionStep.pass("tls", "the certificate of " + integration.host() + " verifies (HTTP "
          + response.statusCode() + " on /v2/)");
    } catch (SSLException e) {
      return ConnectionStep.fail("tls", "TLS handshake with " + integration.host() + " failed: " + rootMessage(e)
          + " (add the registry's CA certificate, or use http:// only for a registry without TLS)");
    } catch (IOException e) {
      return ConnectionStep.fail("tls", "HTTPS to " + integration.host() + " failed: " + rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionStep.fail("tls", "interrupted");
    }
  }

  ConnectionStep auth(RegistryLogin login) {
    try (HttpClient http = client()) {
      HttpResponse<Void> anonymous = http.send(request(Optional.empty()), HttpResponse.BodyHandlers.discarding());
      if (anonymous.statusCode() == 200) {
        return ConnectionStep.pass("auth", "the registry answers /v2/ without credentials");
      }
      Optional<AuthChallenge> challenge = anonymous.headers().firstValue("WWW-Authenticate").flatMap(AuthChallenge::parse);
      if (anonymous.statusCode() != 401 || challenge.isEmpty()) {
        return ConnectionStep.fail("auth", "/v2/ answered HTTP " + anonymous.statusCode() + " (not an OCI registry API?)");
      }
      if (login.credentials() == null) {
        return ConnectionStep.fail("auth", "the registry requires credentials and none are configured");
      }
      return challenge.get().isBearer() ? bearer(http, challenge.get(), login) : basic(http, login);
    } catch (IOException e) {
      return ConnectionStep.fail("auth", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionStep.fail("auth", "interrupted");
    }
  }

  private ConnectionStep basic(HttpClient http, RegistryLogin login) throws IOException, InterruptedException {
    HttpResponse<Void> response = http.send(request(Optional.of(login.credentials().basicHeader())),
        HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200
        ? ConnectionStep.pass("auth", "user " + login.credentials().username() + " accepted (Basic)")
        : ConnectionStep.fail("auth", "user " + login.credentials().username()
            + " rejected: HTTP " + response.statusCode() + " (wrong username or password?)");
  }

  private ConnectionStep bearer(HttpClient http, AuthChallenge challenge, RegistryLogin login) {
    try {
      new TokenFetcher(http, options.readTimeout(), Clock.systemUTC())
          .fetch(integration.host(), challenge, List.of(), Optional.of(login.credentials()));
      return ConnectionStep.pass("auth", "user " + login.credentials().username() + " got a token from "
          + challenge.param("realm").orElse("the token service"));
    } catch (IOException e) {
      return ConnectionStep.fail("auth", e.getMessage());
    }
  }

  private HttpRequest request(Optional<String> authorization) {
    URI uri = URI.create(integration.scheme() + "://" + RegistryHosts.apiHost(integration.host()) + "/v2/");
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(options.readTimeout()).GET();
    authorization.ifPresent(a -> builder.header("Authorization", a));
    return builder.build();
  }

  private HttpClient client() throws IOException {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.connectTimeout());
    Path ca = options.caFiles().get(integration.host());
    if (ca != null) {
      builder.sslContext(RegistryTls.withExtraCa(ca));
    }
    return builder.build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
