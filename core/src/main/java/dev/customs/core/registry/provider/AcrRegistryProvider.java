package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.RegistryException;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.provider.webhook.AcrWebhookParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Container Registry. Login with the admin user (username/password), or with a service
 * principal (option {@code auth=service-principal}, {@code tenant}; username = client id, secret
 * = client secret): an Entra ID token by client credentials, exchanged at the registry's
 * {@code /oauth2/exchange} for an ACR refresh token, which then works as an identity token (the
 * client trades it at {@code /oauth2/token} for access tokens). Option {@code authorityUrl}
 * replaces {@code https://login.microsoftonline.com}. Enumeration is {@code _catalog}; webhooks
 * are ACR's own and Event Grid's.
 */
public final class AcrRegistryProvider extends AbstractRegistryProvider {
  static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
  static final String ACR_SCOPE = "https://containerregistry.azure.net/.default";

  public AcrRegistryProvider() {
    super("acr", new AcrWebhookParser());
  }

  @Override
  public RegistryLogin login(RegistryIntegration integration, RegistryOptions options) throws IOException {
    if (!"service-principal".equals(integration.option("auth").orElse("admin"))) {
      return basicLogin(integration);
    }
    if (!integration.hasCredentials()) {
      throw new IllegalArgumentException("acr service-principal login needs the client id as username and the client secret");
    }
    String aadToken = entraToken(integration, options);
    String refreshToken = exchange(integration, options, aadToken);
    return new RegistryLogin(Credentials.identityToken(refreshToken), JwtClaims.expiry(refreshToken).orElse(null));
  }

  private static String entraToken(RegistryIntegration integration, RegistryOptions options) throws IOException {
    String tenant = integration.requireOption("tenant");
    String authority = integration.option("authorityUrl").orElse(DEFAULT_AUTHORITY);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", integration.username());
    form.put("client_secret", integration.secret());
    form.put("scope", ACR_SCOPE);
    try (ApiClient aad = new ApiClient(authority, options, Optional.empty())) {
      JsonNode answer = aad.postForm("get an Entra ID token for", FormEncoding.component(tenant) + "/oauth2/v2.0/token",
          form).body();
      return text(answer, "access_token", "get an Entra ID token for", authority);
    }
  }

  private static String exchange(RegistryIntegration integration, RegistryOptions options, String aadToken)
      throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "access_token");
    form.put("service", integration.host());
    form.put("tenant", integration.requireOption("tenant"));
    form.put("access_token", aadToken);
    String base = integration.scheme() + "://" + integration.host();
    try (ApiClient registry = new ApiClient(base, options, Optional.empty())) {
      JsonNode answer = registry.postForm("exchange the Entra ID token at", "/oauth2/exchange", form).body();
      return text(answer, "refresh_token", "exchange the Entra ID token at", integration.host());
    }
  }

  private static String text(JsonNode answer, String field, String action, String object) throws RegistryException {
    String value = answer.path(field).asText("");
    if (value.isEmpty()) {
      throw new RegistryException(action, object, "the answer holds no " + field);
    }
    return value;
  }
}
