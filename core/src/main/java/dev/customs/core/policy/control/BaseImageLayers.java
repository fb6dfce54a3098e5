package dev.customs.core.policy.control;

import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageConfig.HistoryEntry;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.policy.document.PolicyNode;
import dev.customs.core.policy.document.SpecReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which layers an image inherited from its base image. Declared in the policy ({@code layers: N}, or
 * {@code digests:} the diffIDs of the base image's layers), or guessed from the history.
 *
 * <p>The guess: a Dockerfile's base image ends with its own {@code CMD} or {@code ENTRYPOINT}, an
 * empty-layer history entry. Walking the history down from the top, past the image's own filesystem
 * changes, the first such entry marks the top of the base image. Images built without a base
 * instruction of that kind (rootfs tarballs, {@code umoci}, Jib) have no guessable base: none is
 * excluded.
 */
public record BaseImageLayers(Optional<Integer> declaredCount, Set<Digest> declaredDigests) {
  public static final BaseImageLayers GUESSED = new BaseImageLayers(Optional.empty(), Set.of());

  /** {@code excludeBaseImage: true} or {@code excludeBaseImage: {layers: N}} / {@code {digests: [...]}}. */
  static Optional<BaseImageLayers> read(SpecReader spec) {
    var node = spec.node().fields().get("excludeBaseImage");
    if (node == null || node.kind() == PolicyNode.Kind.BOOLEAN) {
      return spec.bool("excludeBaseImage", false) ? Optional.of(GUESSED) : Optional.empty();
    }
    return spec.object("excludeBaseImage").map(base -> {
      Optional<Integer> count = base.whole("layers", 0).map(Long::intValue);
      Set<Digest> digests = new HashSet<>();
      for (String text : base.strings("digests")) {
        try {
          digests.add(Digest.parse(text));
        } catch (IllegalArgumentException e) {
          base.problem("digests", "not a digest: " + text);
        }
      }
      base.finish();
      return new BaseImageLayers(count, digests);
    });
  }

  /** The diffIDs of the inherited layers of this image. */
  public Set<Digest> of(ImageFacts image) {
    List<Digest> diffIds = image.layers().stream().map(LayerDescriptor::diffId).toList();
    if (!declaredDigests.isEmpty()) {
      Set<Digest> inherited = new HashSet<>(declaredDigests);
      inherited.retainAll(diffIds);
      return inherited;
    }
    int count = Math.min(declaredCount.orElseGet(() -> guessCount(image.history())), diffIds.size());
    return Set.copyOf(diffIds.subList(0, count));
  }

  public String describe() {
    if (!declaredDigests.isEmpty()) {
      return "the " + declaredDigests.size() + " declared base-image layers";
    }
    return declaredCount.map(n -> "the bottom " + n + " layers (declared base image)")
        .orElse("the base image's layers (guessed from the history)");
  }

  static int guessCount(List<HistoryEntry> history) {
    boolean passedOwnLayers = false;
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry entry = history.get(i);
      if (!entry.emptyLayer()) {
        passedOwnLayers = true;
      } else if (passedOwnLayers && isEndOfBase(entry.createdBy())) {
        return (int) history.subList(0, i).stream().filter(h -> !h.emptyLayer()).count();
      }
    }
    return 0;
  }

  private static boolean isEndOfBase(String createdBy) {
    String instruction = createdBy.replace("/bin/sh -c #(nop)", "").strip().toUpperCase(Locale.ROOT);
    return instruction.startsWith("CMD") || instruction.startsWith("ENTRYPOINT");
  }
}
