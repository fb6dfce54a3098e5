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
 * Docker Hub repository webhooks: one push per delivery ({@code push_data.tag},
 * {@code repository.repo_name}), no digest. Hub cannot add headers or sign, so the secret travels
 * as {@code ?token=} in the webhook URL.
 */
public final class DockerHubWebhookParser implements WebhookParser {
  private static final String PROVIDER = "dockerhub";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    JsonNode pushData = WebhookJson.object(PROVIDER, root.path("push_data"), "\"push_data\"");
    JsonNode repository = WebhookJson.object(PROVIDER, root.path("repository"), "\"repository\"");
    String name = WebhookJson.required(PROVIDER, repository, "repo_name", "\"repository\"");
    String tag = WebhookJson.required(PROVIDER, pushData, "tag", "\"push_data\"");
    return WebhookDelivery.of(List.of(RegistryEvent.push(name, tag, null, null)));
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.queryTokenMatches(request, secret);
  }
}
