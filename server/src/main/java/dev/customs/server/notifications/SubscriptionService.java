package dev.customs.server.notifications;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.notifications.channel.NotificationSender;
import dev.customs.server.notifications.dto.DeliveryResponse;
import dev.customs.server.notifications.dto.SubscriptionRequest;
import dev.customs.server.notifications.dto.SubscriptionResponse;
import dev.customs.server.registries.RegistryRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions CRUD with validation per channel, the test button, and the deliveries view. */
@Service
public class SubscriptionService {
  private final SubscriptionRepository subscriptions;
  private final DeliveryRepository deliveries;
  private final SubscriptionSecrets secrets;
  private final RegistryRepository registries;
  private final NotificationDispatcher dispatcher;
  private final Map<ChannelType, NotificationSender> senders = new EnumMap<>(ChannelType.class);
  private final AuditLog audit;
  private final Clock clock;

  public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
      SubscriptionSecrets secrets, RegistryRepository registries, NotificationDispatcher dispatcher,
      List<NotificationSender> senders, AuditLog audit, Clock clock) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.secrets = secrets;
    this.registries = registries;
    this.dispatcher = dispatcher;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public SubscriptionResponse create(SubscriptionRequest request) {
    uniqueName(request.name(), null);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Subscription s = build(id, request, null, now, now);
    subscriptions.insert(s);
    audit.record("notification.subscription.create", "notification-subscription", id, describe(s));
    return SubscriptionResponse.of(s);
  }

  @Transactional
  public SubscriptionResponse update(UUID id, SubscriptionRequest request) {
    Subscription old = find(id);
    uniqueName(request.name(), id);
    Subscription s = build(id, request, old, old.createdAt(), clock.instant());
    subscriptions.update(s);
    audit.record("notification.subscription.update", "notification-subscription", id, describe(s));
    return SubscriptionResponse.of(s);
  }

  @Transactional
  public void delete(UUID id) {
    Subscription old = find(id);
    subscriptions.delete(id);
    audit.record("notification.subscription.delete", "notification-subscription", id, "name=" + old.name());
  }

  @Transactional(readOnly = true)
  public SubscriptionResponse get(UUID id) {
    return SubscriptionResponse.of(find(id));
  }

  @Transactional(readOnly = true)
  public Page<SubscriptionResponse> list(PageRequest page) {
    return page.page(subscriptions.page(page).stream().map(SubscriptionResponse::of).toList(), subscriptions.count());
  }

  /** Queues a test notification to the subscription (even a disabled one); answers its delivery. */
  @Transactional
  public DeliveryResponse test(UUID id) {
    Subscription s = find(id);
    Delivery delivery = dispatcher.queue(s, NotificationMessages.test(s, clock.instant()));
    audit.record("notification.subscription.test", "notification-subscription", id, "delivery=" + delivery.id());
    return DeliveryResponse.of(delivery);
  }

  @Transactional(readOnly = true)
  public Page<DeliveryResponse> deliveries(DeliveryState state, UUID subscriptionId, PageRequest page) {
    return page.page(deliveries.page(state, subscriptionId, page).stream().map(DeliveryResponse::of).toList(),
        deliveries.count(state, subscriptionId));
  }

  @Transactional
  public DeliveryResponse retry(UUID deliveryId) {
    Delivery delivery = deliveries.findById(deliveryId)
        .orElseThrow(() -> new NotFoundException("notification delivery", deliveryId));
    if (!deliveries.requeue(deliveryId, clock.instant())) {
      throw new ConflictException("Delivery " + deliveryId + " is " + delivery.state() + "; only FAILED deliveries "
          + "can be retried.");
    }
    audit.record("notification.delivery.retry", "notification-delivery", deliveryId, null);
    return DeliveryResponse.of(deliveries.findById(deliveryId).orElseThrow());
  }

  private Subscription find(UUID id) {
    return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("notification subscription", id));
  }

  private void uniqueName(String name, UUID self) {
    subscriptions.findByName(name.strip()).filter(other -> !other.id().equals(self)).ifPresent(other -> {
      throw new ConflictException("A notification subscription named \"" + name.strip() + "\" already exists.");
    });
  }

  private Subscription build(UUID id, SubscriptionRequest r, Subscription old, Instant created, Instant updated) {
    if (r.events().contains(NotificationEvent.TEST)) {
      throw new InvalidRequestException("events", "\"test\" is sent by POST .../test only and cannot be subscribed to");
    }
    if (r.registryId() != null && registries.findById(r.registryId()).isEmpty()) {
      throw new InvalidRequestException("registryId", "no registry integration " + r.registryId());
    }
    NotificationSender sender = senders.get(r.channel());
    String target;
    String secretEnc;
    switch (r.channel()) {
      case EMAIL -> {
        String recipients = r.recipients() == null ? "" : String.join(", ", r.recipients());
        sender.validate(recipients);
        target = recipients;
        secretEnc = null;
      }
      case WEBHOOK -> {
        if (r.url() == null) {
          throw new InvalidRequestException("url", "a webhook subscription needs a url");
        }
        sender.validate(r.url());
        target = r.url().strip();
        secretEnc = webhookSecret(id, r.secret(), old);
      }
      default -> {
        Optional<Subscription> keep = Optional.ofNullable(old).filter(o -> o.channel() == r.channel());
        if (r.url() == null && keep.isEmpty()) {
          throw new InvalidRequestException("url", "a " + r.channel().wire() + " subscription needs its webhook url");
        }
        if (r.url() != null) {
          sender.validate(r.url());
          URI uri = URI.create(r.url().strip());
          target = uri.getScheme() + "://" + uri.getHost() + "/…";
          secretEnc = secrets.encrypt(id, r.url().strip());
        } else {
          target = keep.get().target();
          secretEnc = keep.get().secretEnc();
        }
      }
    }
    List<String> repositories = r.repositories() == null ? List.of()
        : r.repositories().stream().map(String::strip).toList();
    repositories.stream().filter(g -> g.contains(",")).findFirst().ifPresent(g -> {
      throw new InvalidRequestException("repositories", "a repository glob cannot contain a comma: \"" + g + "\"");
    });
    return new Subscription(id, r.name().strip(), r.channel(), target, secretEnc, r.events(), r.registryId(),
        repositories, r.enabled() == null || r.enabled(), created, updated);
  }

  private String webhookSecret(UUID id, String secret, Subscription old) {
    if (secret == null) {
      return old != null && old.channel() == ChannelType.WEBHOOK ? old.secretEnc() : null;
    }
    return secret.isEmpty() ? null : secrets.encrypt(id, secret);
  }

  private static String describe(Subscription s) {
    return "name=" + s.name() + " channel=" + s.channel().wire() + " target=" + s.target() + " events="
        + s.events().stream().map(NotificationEvent::wire).sorted().toList() + " registry=" + s.registryId()
        + " repositories=" + s.repositories() + " enabled=" + s.enabled();
  }
}
