package dev.customs.core.registry.provider;

import java.util.List;
import java.util.Optional;

/**
 * What one delivery means: the image events to act on (possibly none, e.g. a pull or a scan
 * notification) and, for handshakes, the reply the sender waits for.
 */
public record WebhookDelivery(List<RegistryEvent> events, Optional<WebhookReply> reply) {

  public WebhookDelivery {
    events = List.copyOf(events);
  }

  public static WebhookDelivery of(List<RegistryEvent> events) {
    return new WebhookDelivery(events, Optional.empty());
  }

  public static WebhookDelivery handshake(WebhookReply reply) {
    return new WebhookDelivery(List.of(), Optional.of(reply));
  }
}
