package dev.customs.core.registry.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookJson;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.core.registry.provider.WebhookSecrets;
import java.util.List;

/**
 * JFrog Artifactory webhooks of the {@code docker} domain ({@code pushed}, {@code deleted}; other
 * domains and {@code promoted} are dropped). The repository is {@code repo_key/image_name}, as the
 * repository-path access method names it. {@code sha256} is that of the stored manifest file, which is the
 * image digest for {@code manifest.json} but not reliably for a list, so only the former is kept.
 * {@code X-JFrog-Event-Auth} holds HMAC-SHA256 of the body when payload signing is on, else the secret.
 */
public final class JfrogWebhookParser implements WebhookParser {
  private static final String PROVIDER = "jfrog";
  static final String AUTH_HEADER = "X-JFrog-Event-Auth";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    // JFrog documents only the "data" object; deliveries wrap it in {domain, event_type, data}.
    boolean enveloped = root.has("domain");
    if (enveloped && !"docker".equals(WebhookJson.optional(root, "domain"))) {
      return WebhookDelivery.of(List.of());
    }
    JsonNode data = WebhookJson.object(PROVIDER, enveloped ? root.path("data") : root, "\"data\"");
    String type = WebhookJson.required(PROVIDER, enveloped ? root : data, "event_type", "the event");
    RegistryEvent.Kind kind = switch (type) {
      case "pushed" -> RegistryEvent.Kind.PUSH;
      case "deleted" -> RegistryEvent.Kind.DELETE;
      default -> null;
    };
    if (kind == null) {
      return WebhookDelivery.of(List.of());
    }
    String repoKey = WebhookJson.required(PROVIDER, data, "repo_key", "\"data\"");
    String image = WebhookJson.required(PROVIDER, data, "image_name", "\"data\"");
    String sha256 = WebhookJson.optional(data, "sha256");
    String digest = "manifest.json".equals(WebhookJson.optional(data, "name")) && sha256 != null ? "sha256:" + sha256 : null;
    return WebhookDelivery.of(List.of(new RegistryEvent(kind, repoKey + "/" + image,
        WebhookJson.optional(data, "tag"), digest, null)));
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.hmacHexMatches(request, AUTH_HEADER, "HmacSHA256", secret)
        | WebhookSecrets.headerMatches(request, AUTH_HEADER, secret);
  }
}
