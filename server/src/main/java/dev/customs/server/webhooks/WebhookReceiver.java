package dev.customs.server.webhooks;

import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.core.registry.provider.RegistryProviders;
import dev.customs.core.registry.provider.WebhookDelivery;
import dev.customs.core.registry.provider.WebhookException;
import dev.customs.core.registry.provider.WebhookParser;
import dev.customs.core.registry.provider.WebhookReply;
import dev.customs.core.registry.provider.WebhookRequest;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.images.RegistryEventRecorder;
import dev.customs.server.images.RegistryEventRecorder.Effect;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.registries.RegistrySecrets;
import dev.customs.server.webhooks.dto.WebhookAccepted;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Handles one registry webhook delivery: authenticates it with the registry's stored webhook secret
 * the way its provider sends it, parses it, and records each event (register + queue a scan, or
 * mark deleted). Nothing is pulled here: the scan workers do that, so the registry gets its answer
 * in milliseconds.
 */
@Service
public class WebhookReceiver {
  /** Stripes serialize deliveries about the same image, so two redeliveries racing register it once. */
  private static final int STRIPES = 256;

  private final RegistryRepository registries;
  private final RegistrySecrets secrets;
  private final RegistryEventRecorder recorder;
  private final AuditLog audit;
  private final TransactionOperations transactions;
  private final Object[] stripes = new Object[STRIPES];

  public WebhookReceiver(RegistryRepository registries, RegistrySecrets secrets, RegistryEventRecorder recorder,
      AuditLog audit, TransactionOperations transactions) {
    this.registries = registries;
    this.secrets = secrets;
    this.recorder = recorder;
    this.audit = audit;
    this.transactions = transactions;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** The delivery's outcome: a handshake reply to send as given, or what was accepted. */
  public record Outcome(Optional<WebhookReply> reply, WebhookAccepted accepted) {}

  /**
   * @throws WebhookRejectedException when the registry is unknown or the delivery is not authentic
   * @throws InvalidRequestException when the body is not this registry's payload
   */
  public Outcome receive(UUID registryId, WebhookRequest request, String remoteAddress) {
    Registry registry = registries.findById(registryId).orElseThrow(() ->
        reject(registryId, remoteAddress, "no registry integration with this id"));
    WebhookParser parser = RegistryProviders.forType(registry.type().id()).webhookParser();
    if (registry.webhookSecretEnc() == null) {
      throw reject(registryId, remoteAddress, "registry " + registry.name() + " has no webhook secret configured");
    }
    if (!parser.authenticate(request, secrets.openWebhookSecret(registry))) {
      throw reject(registryId, remoteAddress, "the delivery does not carry registry " + registry.name()
          + "'s webhook secret the way a " + registry.type().id() + " registry sends it");
    }
    WebhookDelivery delivery;
    try {
      delivery = parser.parse(request);
    } catch (WebhookException e) {
      throw new InvalidRequestException("body", "not a " + registry.type().id() + " webhook delivery: "
          + e.getMessage());
    }
    if (delivery.reply().isPresent()) {
      return new Outcome(delivery.reply(), null);
    }
    Map<Effect, Integer> effects = new EnumMap<>(Effect.class);
    for (RegistryEvent event : delivery.events()) {
      effects.merge(record(registry, event), 1, Integer::sum);
    }
    return new Outcome(Optional.empty(), WebhookAccepted.of(registryId, delivery.events().size(), effects));
  }

  private Effect record(Registry registry, RegistryEvent event) {
    String key = registry.id() + "/" + event.repository() + ":" + event.tag() + "@" + event.digest();
    synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
      return recorder.record(registry, event, "webhook");
    }
  }

  private WebhookRejectedException reject(UUID registryId, String remoteAddress, String reason) {
    transactions.executeWithoutResult(status -> audit.record("registry.webhook.rejected", "registry", registryId,
        "from " + remoteAddress + ": " + reason));
    return new WebhookRejectedException(reason);
  }
}
