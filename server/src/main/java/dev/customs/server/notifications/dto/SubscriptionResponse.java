package dev.customs.server.notifications.dto;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.NotificationEvent;
import dev.customs.server.notifications.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription as the API shows it: secrets never, only whether a webhook is signed; Slack and
 * Teams URLs only as scheme and host.
 */
public record SubscriptionResponse(UUID id, String name, ChannelType channel, String target, boolean signed,
    Set<NotificationEvent> events, UUID registryId, List<String> repositories, boolean enabled, Instant createdAt,
    Instant updatedAt) {
  public static SubscriptionResponse of(Subscription s) {
    return new SubscriptionResponse(s.id(), s.name(), s.channel(), s.target(),
        s.channel() == ChannelType.WEBHOOK && s.secretEnc() != null, s.events(), s.registryId(), s.repositories(),
        s.enabled(), s.createdAt(), s.updatedAt());
  }
}
