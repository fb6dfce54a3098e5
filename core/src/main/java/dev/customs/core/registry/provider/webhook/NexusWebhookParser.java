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
 * Nexus Repository "Webhook: Repository" component events ({@code X-Nexus-Webhook-Id:
 * rm:repository:component}): CREATED/UPDATED are pushes, DELETED deletes, for docker components
 * only ({@code component.name} is the image path, {@code component.version} the tag). Asset events
 * are dropped. Signed with {@code X-Nexus-Webhook-Signature}, hex HMAC-SHA1 of the body.
 */
public final class NexusWebhookParser implements WebhookParser {
  private static final String PROVIDER = "nexus";
  static final String SIGNATURE_HEADER = "X-Nexus-Webhook-Signature";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    if (request.header("X-Nexus-Webhook-Id").filter(id -> !id.equals("rm:repository:component")).isPresent()) {
      return WebhookDelivery.of(List.of());
    }
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    JsonNode component = root.path("component");
    if (!component.isObject()) {
      throw new WebhookException(PROVIDER, "the event has no \"component\" (not a repository component event?)");
    }
    if (!"docker".equals(WebhookJson.optional(component, "format"))) {
      return WebhookDelivery.of(List.of());
    }
    String action = WebhookJson.required(PROVIDER, root, "action", "the event");
    RegistryEvent.Kind kind = switch (action) {
      case "CREATED", "UPDATED" -> RegistryEvent.Kind.PUSH;
      case "DELETED" -> RegistryEvent.Kind.DELETE;
      default -> throw new WebhookException(PROVIDER, "unknown action \"" + action + "\"");
    };
    String name = WebhookJson.required(PROVIDER, component, "name", "\"component\"");
    return WebhookDelivery.of(List.of(new RegistryEvent(kind, name, WebhookJson.optional(component, "version"), null, null)));
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.hmacHexMatches(request, SIGNATURE_HEADER, "HmacSHA1", secret);
  }
}
