package dev.customs.server.notifications.channel;

import java.util.UUID;

/**
 * Where one delivery goes, secrets decrypted.
 *
 * @param deliveryId the delivery, sent along so receivers can drop redeliveries
 * @param address the URL (webhook, Slack, Teams) or the comma-separated recipients (e-mail)
 * @param secret the webhook's HMAC key; null when there is none
 */
public record Destination(UUID deliveryId, String address, String secret) {
  @Override
  public String toString() {
    return "Destination[" + deliveryId + "]";
  }
}
