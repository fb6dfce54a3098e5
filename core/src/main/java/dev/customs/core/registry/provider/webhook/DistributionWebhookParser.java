package dev.customs.core.registry.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.MediaTypes;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookJson;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.core.registry.provider.WebhookSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CNCF distribution notification envelope ({@code {"events":[…]}}), sent by {@code registry:2},
 * the Debian {@code docker-registry} and GitLab's bundled registry. Only manifest pushes and deletes
 * are image events: layer pushes (layer media types) and pulls are dropped. The sender adds no
 * signature, only the static headers the operator configured, so the secret is an Authorization value.
 */
public final class DistributionWebhookParser implements WebhookParser {
  private final String provider;

  public DistributionWebhookParser(String provider) {
    this.provider = provider;
  }

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    Optional<String> contentType = request.header("Content-Type");
    if (contentType.isPresent() && !contentType.get().toLowerCase().contains("json")) {
      throw new WebhookException(provider, "unexpected Content-Type " + contentType.get()
          + " (expected application/vnd.docker.distribution.events.v1+json or v2+json)");
    }
    JsonNode root = WebhookJson.object(provider, WebhookJson.read(provider, request.body()), "the body");
    JsonNode events = root.path("events");
    if (!events.isArray()) {
      throw new WebhookException(provider, "the envelope has no \"events\" list");
    }
    List<RegistryEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      event(provider, events.get(i), "event " + i).ifPresent(out::add);
    }
    return WebhookDelivery.of(out);
  }

  /** One distribution event ({@code action} + {@code target}); ACR sends the same shape. */
  static Optional<RegistryEvent> event(String provider, JsonNode event, String where) throws WebhookException {
    WebhookJson.object(provider, event, where);
    String action = WebhookJson.required(provider, event, "action", where);
    JsonNode target = WebhookJson.object(provider, event.path("target"), where + " target");
    String repository = WebhookJson.required(provider, target, "repository", where + " target");
    String tag = WebhookJson.optional(target, "tag");
    String digest = WebhookJson.optional(target, "digest");
    String mediaType = WebhookJson.optional(target, "mediaType");
    return switch (action) {
      case "push" -> mediaType != null && !isManifest(mediaType)
          ? Optional.empty()
          : Optional.of(RegistryEvent.push(repository, tag, digest, mediaType));
      case "delete" -> Optional.of(RegistryEvent.delete(repository, tag, digest));
      default -> Optional.empty();
    };
  }

  static boolean isManifest(String mediaType) {
    return MediaTypes.ACCEPTED.contains(mediaType) || MediaTypes.isSchema1(mediaType);
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.authorizationMatches(request, secret);
  }
}
