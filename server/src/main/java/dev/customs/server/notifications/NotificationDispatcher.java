package dev.customs.server.notifications;

import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.events.ScanFailed;
import dev.customs.server.events.SevereVulnerabilityFound;
import dev.customs.server.events.VulnerabilityDataStale;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into outbox rows, one per interested subscription. Listeners run after the
 * publisher's transaction commits (a rolled-back verdict never notifies) and write in their own
 * transaction; sending happens later, on {@link DeliveryWorker}.
 */
@Component
public class NotificationDispatcher {
  private static final int MAX_TITLE = 500;

  private final SubscriptionRepository subscriptions;
  private final DeliveryRepository deliveries;
  private final JsonMapper json;
  private final Clock clock;

  public NotificationDispatcher(SubscriptionRepository subscriptions, DeliveryRepository deliveries, JsonMapper json,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.json = json;
    this.clock = clock;
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(ImageVerdictChanged event) {
    if (event.becameNonCompliant()) {
      dispatch(NotificationMessages.nonCompliant(event, clock.instant()));
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(SevereVulnerabilityFound event) {
    dispatch(NotificationMessages.severeVulnerability(event, clock.instant()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(ScanFailed event) {
    dispatch(NotificationMessages.scanFailed(event, clock.instant()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(VulnerabilityDataStale event) {
    dispatch(NotificationMessages.stale(event, clock.instant()));
  }

  /** Queues the notification for every enabled subscription that wants it; returns how many. */
  int dispatch(Notification notification) {
    List<Subscription> interested = subscriptions.enabled().stream().filter(s -> s.wants(notification)).toList();
    interested.forEach(s -> queue(s, notification));
    return interested.size();
  }

  /** Queues one notification for one subscription, whatever its events (the "test" button). */
  Delivery queue(Subscription subscription, Notification notification) {
    String title = notification.title().length() > MAX_TITLE
        ? notification.title().substring(0, MAX_TITLE - 1) + "…" : notification.title();
    Delivery delivery = new Delivery(java.util.UUID.randomUUID(), subscription.id(), notification.event(), title, json.writeValueAsString(notification), DeliveryState.PENDING, 0, clock.instant(), null,
        null, clock.instant(), null);
    deliveries.insert(delivery);
    return delivery;
  }
}
