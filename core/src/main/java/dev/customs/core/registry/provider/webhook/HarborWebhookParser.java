package dev.customs.core.registry.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookJson;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.core.registry.provider.WebhookSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Harbor webhooks in the Default format ({@code type} PUSH_ARTIFACT…, {@code event_data}), the
 * CloudEvents format ({@code type} harbor.artifact.pushed…, {@code data}) and Harbor 1.x
 * ({@code pushImage}). Scan, quota, replication and retention events carry no new image. When an
 * artifact is pushed by digest Harbor puts the digest in {@code tag}: that is no tag. Harbor sends
 * the policy's auth header verbatim as Authorization and signs nothing.
 */
public final class HarborWebhookParser implements WebhookParser {
  private static final String PROVIDER = "harbor";
  private static final Map<String, RegistryEvent.Kind> KINDS = Map.of(
      "PUSH_ARTIFACT", RegistryEvent.Kind.PUSH, "harbor.artifact.pushed", RegistryEvent.Kind.PUSH,
      "pushImage", RegistryEvent.Kind.PUSH, "DELETE_ARTIFACT", RegistryEvent.Kind.DELETE,
      "harbor.artifact.deleted", RegistryEvent.Kind.DELETE, "deleteImage", RegistryEvent.Kind.DELETE);

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    String type = WebhookJson.required(PROVIDER, root, "type", "the body");
    RegistryEvent.Kind kind = KINDS.get(type);
    if (kind == null) {
      return WebhookDelivery.of(List.of());
    }
    JsonNode data = root.has("event_data") ? root.path("event_data") : root.path("data");
    WebhookJson.object(PROVIDER, data, "the event data of " + type);
    String repository = WebhookJson.required(PROVIDER, data.path("repository"), "repo_full_name", "\"repository\"");
    JsonNode resources = data.path("resources");
    if (!resources.isArray()) {
      throw new WebhookException(PROVIDER, type + " has no \"resources\" list");
    }
    List<RegistryEvent> out = new ArrayList<>();
    for (JsonNode resource : resources) {
      String digest = WebhookJson.optional(resource, "digest");
      String tag = WebhookJson.optional(resource, "tag");
      if (tag != null && tag.equals(digest)) {
        tag = null;
      }
      out.add(new RegistryEvent(kind, repository, tag, digest, null));
    }
    return WebhookDelivery.of(out);
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.authorizationMatches(request, secret);
  }
}
