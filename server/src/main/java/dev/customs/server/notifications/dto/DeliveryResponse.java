package dev.customs.server.notifications.dto;

import dev.customs.server.notifications.Delivery;
import dev.customs.server.notifications.DeliveryState;
import dev.customs.server.notifications.NotificationEvent;
import java.time.Instant;
import java.util.UUID;

/** A delivery's progress: its state, attempts, the next attempt and the last error. */
public record DeliveryResponse(UUID id, UUID subscriptionId, NotificationEvent event, String title,
    DeliveryState state, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
    Instant createdAt, Instant deliveredAt) {
  public static DeliveryResponse of(Delivery d) {
    return new DeliveryResponse(d.id(), d.subscriptionId(), d.event(), d.title(), d.state(), d.attempts(),
        d.state() == DeliveryState.PENDING ? d.runAfter() : null, d.lastStatus(), d.lastError(), d.createdAt(),
        d.deliveredAt());
  }
}
