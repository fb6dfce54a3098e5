package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.provider.webhook.GcrWebhookParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Google Container Registry ({@code gcr.io}) and Artifact Registry ({@code *-docker.pkg.dev}). The
 * secret is a service-account JSON key, sent as the password of the user {@code _json_key} (Google's
 * documented registry login; the registry's token service does the OAuth exchange, so nothing
 * here needs Google's auth library or network), or an OAuth access token with the user
 * {@code oauth2accesstoken}. Enumeration is {@code _catalog}; webhooks arrive by Pub/Sub push.
 */
public final class GcrRegistryProvider extends AbstractRegistryProvider {
  static final String JSON_KEY_USER = "_json_key";
  static final String ACCESS_TOKEN_USER = "oauth2accesstoken";
  private static final ObjectMapper JSON = new ObjectMapper();

  public GcrRegistryProvider() {
    super("gcr", new GcrWebhookParser());
  }

  @Override
  public RegistryLogin login(RegistryIntegration integration, RegistryOptions options) throws IOException {
    if (integration.secret() == null || integration.secret().isBlank()) {
      return RegistryLogin.anonymous();
    }
    if (ACCESS_TOKEN_USER.equals(integration.username())) {
      return RegistryLogin.of(new Credentials(ACCESS_TOKEN_USER, integration.secret()));
    }
    return RegistryLogin.of(new Credentials(JSON_KEY_USER, serviceAccountKey(integration.secret())));
  }

  /** The key as JSON text (base64 accepted, as {@code _json_key_base64} users store it), checked for its fields. */
  static String serviceAccountKey(String secret) throws IOException {
    String text = secret.strip();
    if (!text.startsWith("{")) {
      try {
        text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException("the gcr secret is neither a service-account JSON key nor its base64");
      }
    }
    JsonNode key;
    try {
      key = JSON.readTree(text);
    } catch (IOException e) {
      throw new IOException("the gcr service-account key is not valid JSON: " + e.getMessage(), e);
    }
    if (!"service_account".equals(key.path("type").asText()) || !key.path("client_email").isTextual()
        || !key.path("private_key").isTextual()) {
      throw new IOException("the gcr key is not a service-account key (needs type \"service_account\", "
          + "client_email and private_key)");
    }
    return text;
  }
}
