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

/**
 * Quay {@code repo_push} notifications: one push per updated tag, no digest. {@code updated_tags}
 * is a list today and was a tag→image-id map in early Quay. Quay neither signs nor adds headers,
 * so the secret is a {@code ?token=} in the notification URL.
 */
public final class QuayWebhookParser implements WebhookParser {
  private static final String PROVIDER = "quay";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    String repository = WebhookJson.required(PROVIDER, root, "repository", "the notification");
    JsonNode tags = root.path("updated_tags");
    List<String> names = new ArrayList<>();
    if (tags.isArray()) {
      tags.forEach(t -> names.add(t.asText()));
    } else if (tags.isObject()) {
      tags.fieldNames().forEachRemaining(names::add);
    } else {
      throw new WebhookException(PROVIDER, "the notification has no \"updated_tags\" list (not a repo_push event?)");
    }
    List<RegistryEvent> out = new ArrayList<>();
    for (String tag : names) {
      out.add(RegistryEvent.push(repository, tag, null, null));
    }
    return WebhookDelivery.of(out);
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.queryTokenMatches(request, secret);
  }
}
