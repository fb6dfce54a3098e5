package dev.customs.server.images;

import dev.customs.core.image.ImageRef;
import dev.customs.core.registry.provider.RegistryEvent;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryClientFactory;
import dev.customs.server.scanning.ScanQueue;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registry reports (a webhook, later the nightly pull) does to the image list: a push
 * registers the image and queues a scan, a delete marks images deleted. Idempotent, so a redelivered
 * event changes nothing: the image is found by its reference, a scan already queued or running is
 * answered, and a push of the digest the image already has queues nothing.
 */
@Service
public class RegistryEventRecorder {
  static final String DEFAULT_PLATFORM = "linux/amd64";

  private final ImageRepository images;
  private final ScanQueue queue;
  private final AuditLog audit;
  private final Clock clock;

  public RegistryEventRecorder(ImageRepository images, ScanQueue queue, AuditLog audit, Clock clock) {
    this.images = images;
    this.queue = queue;
    this.audit = audit;
    this.clock = clock;
  }

  /** What one event did. */
  public enum Effect { REGISTERED, RESCANNED, UNCHANGED, DELETED, IGNORED }

  /**
   * The reference an event names: by tag when it has one (tags are what people follow), else by
   * digest; empty when the event names neither or the name is not a valid reference.
   */
  public static Optional<String> reference(Registry registry, RegistryEvent event) {
    String name = event.tag() != null ? ":" + event.tag() : event.digest() != null ? "@" + event.digest() : null;
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ImageRef.parse(RegistryClientFactory.host(registry) + "/" + event.repository() + name)
          .toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a name no pull could use (a truncated digest): nothing to register
    }
  }

  @Transactional
  public Effect record(Registry registry, RegistryEvent event, String source) {
    if (event.kind() == RegistryEvent.Kind.DELETE) {
      int marked = images.markDeleted(registry.id(), event.repository(), event.tag(), event.digest(), clock.instant());
      if (marked > 0) {
        audit.record("image.deleted-in-registry", "registry", registry.id(), "repository=" + event.repository()
            + " tag=" + event.tag() + " digest=" + event.digest() + " images=" + marked);
      }
      return marked > 0 ? Effect.DELETED : Effect.UNCHANGED;
    }
    Optional<String> reference = reference(registry, event);
    if (reference.isEmpty()) {
      return Effect.IGNORED;
    }
    Optional<RegisteredImage> known = images.find(reference.get(), DEFAULT_PLATFORM);
    if (known.isEmpty()) {
      RegisteredImage image = register(registry, ImageRef.parse(reference.get()), source);
      images.setReportedDigest(image.id(), event.digest());
      queue.enqueue(image.id());
      return Effect.REGISTERED;
    }
    RegisteredImage image = known.get();
    images.markSeen(image.id(), clock.instant());
    String reported = images.reportedDigest(image.id()).orElse(image.digest());
    if (image.deletedAt() != null) {
      images.clearDeleted(image.id());
    } else if (event.digest() != null && event.digest().equals(reported)) {
      return Effect.UNCHANGED;
    }
    if (event.digest() != null) {
      images.setReportedDigest(image.id(), event.digest());
    }
    queue.enqueue(image.id());
    return Effect.RESCANNED;
  }

  private RegisteredImage register(Registry registry, ImageRef ref, String source) {
    RegisteredImage image = new RegisteredImage(UUID.randomUUID(), registry.id(), ref.toString(), ref.registry(),
        ref.repository(), ref.tag().orElse(null), null, DEFAULT_PLATFORM, source, clock.instant(), null);
    images.insert(image);
    audit.record("image.register", "image", image.id(), "reference=" + image.reference() + " platform="
        + DEFAULT_PLATFORM + " registry=" + registry.name() + " source=" + source);
    return image;
  }
}
