package dev.customs.server.images;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.events.ImageSubject;
import dev.customs.server.scanning.ScanTarget;
import dev.customs.server.scanning.ScanTargets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Registered images as the scan queue sees them. */
@Component
public class ImageScanTargets implements ScanTargets {
  private final ImageRepository images;
  private final AuditLog audit;
  private final Clock clock;

  public ImageScanTargets(ImageRepository images, AuditLog audit, Clock clock) {
    this.images = images;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Optional<ScanTarget> find(UUID imageId) {
    return images.findById(imageId).map(i -> new ScanTarget(i.id(), i.registryId(), i.reference(), i.platform()));
  }

  @Override
  public Optional<ImageSubject> subject(UUID imageId) {
    return images.findById(imageId).map(i -> new ImageSubject(i.id(), i.registryId(), i.registryHost(),
        i.repository(), i.reference(), i.digest()));
  }

  @Override
  public List<UUID> registerPlatforms(UUID imageId, List<String> platforms) {
    Optional<RegisteredImage> scanned = images.findById(imageId);
    if (scanned.isEmpty() || platforms.isEmpty()) {
      return List.of();
    }
    RegisteredImage image = scanned.get();
    List<UUID> registered = new ArrayList<>();
    for (String platform : platforms) {
      if (images.find(image.reference(), platform).isEmpty()) {
        RegisteredImage sibling = new RegisteredImage(UUID.randomUUID(), image.registryId(), image.reference(),
            image.registryHost(), image.repository(), image.tag(), null, platform, image.source(), clock.instant(),
            null);
        images.insert(sibling);
        audit.record("image.register", "image", sibling.id(), "reference=" + image.reference() + " platform="
            + platform + " (another platform of a multi-platform tag)");
        registered.add(sibling.id());
      }
    }
    return registered;
  }

  @Override
  public void recordDigest(UUID imageId, String digest) {
    images.updateDigest(imageId, digest);
  }
}
