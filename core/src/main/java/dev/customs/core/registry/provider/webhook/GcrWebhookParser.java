package dev.customs.core.registry.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookJson;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.core.registry.provider.WebhookSecrets;
import java.util.Base64;
import java.util.List;

/**
 * Container Registry and Artifact Registry notifications (the {@code gcr} Pub/Sub topic) delivered
 * by a Pub/Sub push subscription: {@code message.data} is base64 of {@code {"action":"INSERT"|"DELETE",
 * "digest":"host/path@sha256:…","tag":"host/path:tag"}} where either reference may be absent. The
 * secret is a {@code ?token=} in the push endpoint URL.
 */
public final class GcrWebhookParser implements WebhookParser {
  private static final String PROVIDER = "gcr";

  @Override
  public WebhookDelivery parse(WebhookRequest request) throws WebhookException {
    JsonNode root = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, request.body()), "the body");
    JsonNode message = WebhookJson.object(PROVIDER, root.path("message"), "the Pub/Sub \"message\"");
    String data = WebhookJson.required(PROVIDER, message, "data", "the Pub/Sub message");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(data.strip());
    } catch (IllegalArgumentException e) {
      throw new WebhookException(PROVIDER, "message.data is not base64: " + e.getMessage(), e);
    }
    JsonNode notification = WebhookJson.object(PROVIDER, WebhookJson.read(PROVIDER, decoded), "message.data");
    String action = WebhookJson.required(PROVIDER, notification, "action", "message.data");
    RegistryEvent.Kind kind = switch (action) {
      case "INSERT" -> RegistryEvent.Kind.PUSH;
      case "DELETE" -> RegistryEvent.Kind.DELETE;
      default -> throw new WebhookException(PROVIDER, "unknown action \"" + action + "\" in message.data");
    };
    return WebhookDelivery.of(List.of(event(kind, WebhookJson.optional(notification, "tag"),
        WebhookJson.optional(notification, "digest"))));
  }

  private static RegistryEvent event(RegistryEvent.Kind kind, String tagRef, String digestRef) throws WebhookException {
    if (tagRef == null && digestRef == null) {
      throw new WebhookException(PROVIDER, "message.data names neither a tag nor a digest");
    }
    String repository = null;
    String tag = null;
    String digest = null;
    if (digestRef != null) {
      int at = digestRef.indexOf('@');
      if (at < 0) {
        throw new WebhookException(PROVIDER, "digest \"" + digestRef + "\" has no '@'");
      }
      repository = pathOf(digestRef.substring(0, at));
      digest = digestRef.substring(at + 1);
    }
    if (tagRef != null) {
      int colon = tagRef.lastIndexOf(':');
      if (colon < tagRef.lastIndexOf('/') || colon < 0) {
        throw new WebhookException(PROVIDER, "tag \"" + tagRef + "\" has no ':tag'");
      }
      repository = pathOf(tagRef.substring(0, colon));
      tag = tagRef.substring(colon + 1);
    }
    return new RegistryEvent(kind, repository, tag, digest, null);
  }

  /** {@code us-east1-docker.pkg.dev/project/repo/image} → {@code project/repo/image}. */
  private static String pathOf(String name) throws WebhookException {
    int slash = name.indexOf('/');
    if (slash < 0) {
      throw new WebhookException(PROVIDER, "image \"" + name + "\" names no repository after the host");
    }
    return name.substring(slash + 1);
  }

  @Override
  public boolean authenticate(WebhookRequest request, String secret) {
    return WebhookSecrets.queryTokenMatches(request, secret);
  }
}
