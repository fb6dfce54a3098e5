package dev.customs.server.webhooks.dto;

import dev.customs.server.images.RegistryEventRecorder.Effect;
import java.util.Map;
import java.util.UUID;

/**
 * The 202 answer to a webhook delivery: how many image events it held and what they did. Scans are
 * queued, not done; follow them at {@code /api/v1/images}.
 */
public record WebhookAccepted(UUID registryId, int events, int registered, int rescanned, int unchanged, int deleted,
    int ignored) {

  public static WebhookAccepted of(UUID registryId, int events, Map<Effect, Integer> effects) {
    return new WebhookAccepted(registryId, events, effects.getOrDefault(Effect.REGISTERED, 0),
        effects.getOrDefault(Effect.RESCANNED, 0), effects.getOrDefault(Effect.UNCHANGED, 0),
        effects.getOrDefault(Effect.DELETED, 0), effects.getOrDefault(Effect.IGNORED, 0));
  }
}
