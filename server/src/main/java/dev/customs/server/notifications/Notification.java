package dev.customs.server.notifications;

import dev.customs.server.events.ImageSubject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing to tell subscribers, channel-neutral: each channel renders the title, text and facts
 * its own way. Stored as JSON in the outbox, and the body of generic webhooks as is.
 *
 * @param id the notification's id (one notification fans out to a delivery per subscription)
 * @param event what happened
 * @param occurredAt when
 * @param title one line
 * @param text a sentence or two
 * @param facts label → value pairs, in display order
 * @param image the image it is about; null for server-wide events (stale feed, tests)
 */
public record Notification(UUID id, NotificationEvent event, Instant occurredAt, String title, String text,
    Map<String, String> facts, ImageSubject image) {
  public Notification {
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }
}
