package dev.customs.server.scanning;

import dev.customs.server.events.ImageSubject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's view of registered images, implemented by the images feature so that scanning does
 * not depend on it (images depend on scanning to queue their scans, not the other way round).
 */
public interface ScanTargets {
  /** The image a job scans, or empty when it was deleted meanwhile. */
  Optional<ScanTarget> find(UUID imageId);

  /** The image as events name it (for notifications), or empty when it was deleted meanwhile. */
  Optional<ImageSubject> subject(UUID imageId);

  /**
   * Registers the image's tag for other platforms (those not registered yet), like the image itself;
   * called inside the scan's completing transaction.
   *
   * @return the images registered now, to be scanned
   */
  List<UUID> registerPlatforms(UUID imageId, List<String> platforms);

  /** Records the manifest digest a successful scan found; called inside the scan's completing transaction. */
  void recordDigest(UUID imageId, String digest);
}
