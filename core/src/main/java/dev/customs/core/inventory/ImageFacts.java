package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the inventory says about the image itself: identity and the configuration facts policies
 * judge. Environment variables are kept by name only: their values often hold credentials.
 *
 * @param totalSize the sum of the stored layer sizes, or -1 when a source does not know them
 */
public record ImageFacts(
    String name,
    Optional<ImageRef> reference,
    Digest manifestDigest,
    Optional<Digest> indexDigest,
    Digest configDigest,
    Platform platform,
    List<LayerDescriptor> layers,
    long totalSize,
    Optional<Instant> created,
    String user,
    List<String> envNames,
    Map<String, String> labels,
    Set<String> exposedPorts,
    Optional<List<String>> healthcheck,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    List<ImageConfig.HistoryEntry> history) {

  public static ImageFacts of(Image image) {
    ImageConfig c = image.config();
    List<LayerDescriptor> layers = image.layers().stream().map(l -> l.descriptor()).toList();
    boolean sizesKnown = layers.stream().allMatch(l -> l.size() >= 0);
    long total = sizesKnown ? layers.stream().mapToLong(LayerDescriptor::size).sum() : -1;
    return new ImageFacts(image.name(), image.reference(), image.manifestDigest(), image.indexDigest(),
        image.configDigest(), image.platform(), layers, total, c.created(), c.user(), c.envNames(), c.labels(),
        c.exposedPorts(), c.healthcheck(), c.entrypoint(), c.cmd(), c.workingDir(), c.history());
  }
}
