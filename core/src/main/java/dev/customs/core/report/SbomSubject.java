package dev.customs.core.report;

import dev.customs.core.image.ImageRef;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.purl.PurlFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What both SBOM formats say the same way: the image's name and purl, and a unique reference per package. */
final class SbomSubject {
  private SbomSubject() {}

  /** The registry name when there is one ({@code docker.io/library/debian}), else the name the user gave. */
  static String imageName(ImageFacts image) {
    return image.reference().map(ImageRef::name).orElse(image.name());
  }

  static String imagePurl(ImageFacts image) {
    return PurlFactory.ofImage(image.name(), image.reference(), image.manifestDigest(), image.platform());
  }

  /**
   * One reference per package, in inventory order: its purl, made unique with {@code #2}, {@code #3}…
   * when the same package is installed at several paths.
   */
  static List<String> packageRefs(List<InventoryPackage> packages) {
    Set<String> used = new HashSet<>();
    List<String> refs = new ArrayList<>(packages.size());
    for (InventoryPackage p : packages) {
      String base = p.purl().isEmpty() ? "package-" + (refs.size() + 1) : p.purl();
      String ref = base;
      for (int n = 2; !used.add(ref); n++) {
        ref = base + "#" + n;
      }
      refs.add(ref);
    }
    return refs;
  }
}
