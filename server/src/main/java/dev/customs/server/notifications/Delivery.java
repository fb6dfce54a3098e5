package dev.customs.server.notifications;

import java.time.Instant;
import java.util.UUID;

/** One notification on its way to one subscription (a row of the outbox). */
public record Delivery(UUID id, UUID subscriptionId, NotificationEvent event, String title, String payload, DeliveryState state,
    int attempts, Instant runAfter, String lastError, Integer lastStatus, Instant createdAt, Instant deliveredAt) {}
