package dev.customs.core.registry.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookJson;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookReply;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.core.registry.provider.WebhookSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Container Registry: its own webhooks (one distribution-shaped event per delivery, action
 * push/delete, chart events ignored) and Event Grid deliveries (a JSON array in the Event Grid or
 * CloudEvents schema), including Event Grid's subscription validation, which must be answered with
 * the validation code, and the CloudEvents abuse-protection request ({@code WebHook-Request-Origin}
 * with no body, sent as OPTIONS), answered with {@code WebHook-Allowed-Origin}. Neither signs bodies: the secret is a custom Authorization header on the
 * webhook, or a {@code ?token=} in the Event Grid subscription URL.
 */
public final class AcrWebhookParser implements WebhookParser {
  private static final String PROVIDER = "acr";
  private static final String VALIDATION = "Microsoft.EventGrid.SubscriptionValidationEvent";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    Optional<String> origin = request.header("WebHook-Request-Origin");
    if (origin.isPresent() && request.body().length == 0) {
      // CloudEvents-schema subscriptions validate with an OPTIONS request instead of an event
      return WebhookDelivery.handshake(new WebhookReply(200, Map.of("WebHook-Allowed-Origin", origin.get()), null, ""));
    }
    JsonNode root = WebhookJson.read(PROVIDER, request.body());
    if (root.isArray()) {
      return eventGrid(root);
    }
    return WebhookDelivery.of(DistributionWebhookParser.event(PROVIDER, root, "the webhook event").stream().toList());
  }

  private WebhookDelivery eventGrid(JsonNode events) throws WebhookException {
    List<RegistryEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = WebhookJson.object(PROVIDER, events.get(i), "Event Grid event " + i);
      String type = event.has("eventType") ? WebhookJson.optional(event, "eventType") : WebhookJson.optional(event, "type");
      if (type == null) {
        throw new WebhookException(PROVIDER, "Event Grid event " + i + " has no \"eventType\" or \"type\"");
      }
      if (type.equals(VALIDATION)) {
        String code = WebhookJson.required(PROVIDER, event.path("data"), "validationCode", "the validation event's data");
        String body = JSON.createObjectNode().put("validationResponse", code).toString();
        return WebhookDelivery.handshake(new WebhookReply(200, Map.of(), "application/json", body));
      }
      if (type.startsWith("Microsoft.ContainerRegistry.Image")) {
        DistributionWebhookParser.event(PROVIDER, event.path("data"), "Event Grid event " + i + " data").ifPresent(out::add);
      }
    }
    return WebhookDelivery.of(out);
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.authorizationMatches(request, secret) | WebhookSecrets.queryTokenMatches(request, secret);
  }
}
