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
 * ECR events delivered by an EventBridge rule through an API destination: the EventBridge event
 * unchanged. Only successful {@code ECR Image Action} events (PUSH, DELETE) are image events; scan
 * events are dropped. EventBridge signs nothing; its connection adds Basic, OAuth Bearer or an
 * API-key header, so the secret is matched against Authorization or {@code x-api-key}.
 */
public final class EcrWebhookParser implements WebhookParser {
  private static final String PROVIDER = "ecr";
  static final String API_KEY_HEADER = "x-api-key";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    String source = WebhookJson.required(PROVIDER, root, "source", "the EventBridge event");
    if (!source.equals("aws.ecr")) {
      throw new WebhookException(PROVIDER, "the event's source is \"" + source + "\", not aws.ecr");
    }
    String detailType = WebhookJson.required(PROVIDER, root, "detail-type", "the EventBridge event");
    JsonNode detail = WebhookJson.object(PROVIDER, root.path("detail"), "\"detail\"");
    if (!detailType.equals("ECR Image Action") || !"SUCCESS".equals(WebhookJson.optional(detail, "result"))) {
      return WebhookDelivery.of(List.of());
    }
    String action = WebhookJson.required(PROVIDER, detail, "action-type", "\"detail\"");
    RegistryEvent.Kind kind = switch (action) {
      case "PUSH" -> RegistryEvent.Kind.PUSH;
      case "DELETE" -> RegistryEvent.Kind.DELETE;
      default -> throw new WebhookException(PROVIDER, "unknown action-type \"" + action + "\"");
    };
    String repository = WebhookJson.required(PROVIDER, detail, "repository-name", "\"detail\"");
    return WebhookDelivery.of(List.of(new RegistryEvent(kind, repository, WebhookJson.optional(detail, "image-tag"),
        WebhookJson.optional(detail, "image-digest"), null)));
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.authorizationMatches(request, secret)
        | WebhookSecrets.headerMatches(request, API_KEY_HEADER, secret);
  }
}
