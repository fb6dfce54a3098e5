package dev.customs.server.images;

import dev.customs.server.events.ImageSubject;
import dev.customs.server.scanning.ScanTarget;
import dev.customs.server.scanning.ScanTargets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Registered images as the scan queue sees them. */
@Component
public class ImageScanTargets implements ScanTargets {
  private final ImageRepository images;

  public ImageScanTargets(ImageRepository images) {
    this.images = images;
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
  public void recordDigest(UUID imageId, String digest) {
    images.updateDigest(imageId, digest);
  }
}
