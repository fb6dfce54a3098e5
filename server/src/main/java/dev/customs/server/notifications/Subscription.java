package dev.customs.server.notifications;

import dev.customs.core.Glob;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A notification subscription: which events, for which images, delivered where.
 *
 * @param target what the API shows of the destination: the webhook URL, the recipients, or for
 *     Slack and Teams only scheme and host (their URL is itself the credential)
 * @param secretEnc the encrypted secret: the HMAC key of a webhook, the full URL of Slack and Teams
 * @param registryId only images of this registry integration; null for every registry
 * @param repositories repository globs (e.g. {@code team-a/*}); empty for every repository
 */
public record Subscription(UUID id, String name, ChannelType channel, String target, String secretEnc,
    Set<NotificationEvent> events, UUID registryId, List<String> repositories, boolean enabled,
    Instant createdAt, Instant updatedAt) {
  public Subscription {
    events = Set.copyOf(events);
    repositories = List.copyOf(repositories);
  }

  /** Whether this subscription wants the notification: its event, and its image inside the scope. */
  public boolean wants(Notification notification) {
    if (!enabled || !events.contains(notification.event())) {
      return false;
    }
    if (notification.image() == null) {
      return true;
    }
    if (registryId != null && !registryId.equals(notification.image().registryId())) {
      return false;
    }
    return repositories.isEmpty()
        || repositories.stream().anyMatch(glob -> Glob.of(glob).matches(notification.image().repository()));
  }
}
