package dev.customs.server.notifications;

import dev.customs.server.common.PeriodicWork;
import dev.customs.server.notifications.channel.DeliveryException;
import dev.customs.server.notifications.channel.Destination;
import dev.customs.server.notifications.channel.NotificationSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries on one thread per replica. A failure is retried with exponential backoff;
 * a refusal by the receiver (4xx other than 408/429), a deleted subscription or the last attempt
 * makes the delivery FAILED, with the error kept for {@code GET /api/v1/notifications/deliveries}.
 */
@Component
public class DeliveryWorker extends PeriodicWork {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int MAX_ERROR = 2000;

  private final DeliveryRepository deliveries;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionSecrets secrets;
  private final Map<ChannelType, NotificationSender> senders = new EnumMap<>(ChannelType.class);
  private final NotificationProperties properties;
  private final JsonMapper json;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final String owner = "notify:" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
      + UUID.randomUUID().toString().substring(0, 8);

  public DeliveryWorker(DeliveryRepository deliveries, SubscriptionRepository subscriptions,
      SubscriptionSecrets secrets, List<NotificationSender> senders, NotificationProperties properties,
      JsonMapper json, MeterRegistry metrics, Clock clock) {
    super("notify", properties.pollInterval(), properties.pollInterval());
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.secrets = secrets;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.properties = properties;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Sends every due delivery, then returns; runs each poll interval. */
  @Override
  protected void tick() {
    try {
      deliveries.releaseExpired(clock.instant());
      for (Optional<Delivery> next = claim(); next.isPresent() && !Thread.currentThread().isInterrupted();
          next = claim()) {
        deliver(next.get());
      }
    } catch (RuntimeException e) {
      // The database may be briefly unreachable: the next poll tries again.
      LOG.warn("Notification worker could not poll: {}", e.getMessage());
    }
  }

  private Optional<Delivery> claim() {
    Instant now = clock.instant();
    return deliveries.claim(owner, now, now.plus(properties.lease()));
  }

  private void deliver(Delivery delivery) {
    Optional<Subscription> subscription = subscriptions.findById(delivery.subscriptionId());
    String outcome;
    try {
      Subscription s = subscription.orElseThrow(() -> new DeliveryException("the subscription was deleted", null,
          true));
      Notification notification = json.readValue(delivery.payload(), Notification.class);
      Destination destination = new Destination(delivery.id(), secrets.address(s), secrets.hmacKey(s));
      Integer status = senders.get(s.channel()).send(notification, destination);
      deliveries.delivered(delivery.id(), status, clock.instant());
      outcome = "delivered";
    } catch (DeliveryException e) {
      String error = e.getMessage().length() > MAX_ERROR ? e.getMessage().substring(0, MAX_ERROR) : e.getMessage();
      if (e.permanent() || delivery.attempts() >= properties.maxAttempts()) {
        deliveries.failed(delivery.id(), error, e.status());
        outcome = "failed";
        LOG.warn("Notification {} failed for good after {} attempt(s): {}", delivery.id(), delivery.attempts(), error);
      } else {
        deliveries.retry(delivery.id(), error, e.status(),
            clock.instant().plus(properties.backoffAfter(delivery.attempts())));
        outcome = "retried";
      }
    }
    metrics.counter("customs.notifications", "outcome", outcome).increment();
  }
}
