package dev.customs.core.policy;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.source.ArchiveImageSource;
import dev.customs.core.image.source.RootfsDirectorySource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real test images, inventoried once per test run with the default analyzers, and images
 * derived from them for the cases the fixtures lack (a planted secret, another user).
 */
final class PolicyImages {
  private static final Map<String, Inventory> SCANNED = new ConcurrentHashMap<>();

  private PolicyImages() {}

  static Inventory app() {
    return archive("debian12.oci.tar", "debian12-app");
  }

  static Inventory debian12() {
    return archive("debian12.oci.tar", "debian12");
  }

  static Inventory alpine() {
    return archive("alpine-3.20.3.oci.tar", "alpine-3.20.3");
  }

  static Inventory distroless() {
    return archive("distroless-debian12.oci.tar", "distroless-debian12");
  }

  /**
   * A root filesystem with a planted GitHub token in an application config and a package lock
   * file that is not JSON. The token is assembled here so no secret-looking literal is committed.
   */
  static Inventory plantedRootfs() {
    return SCANNED.computeIfAbsent("planted", key -> {
      try {
        Path root = Files.createTempDirectory("customs-policy-rootfs");
        Files.createDirectories(root.resolve("etc/app"));
        String token = "ghp" + "_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
        Files.writeString(root.resolve("etc/app/config.yaml"), "github:\n  token: " + token + "\n");
        Files.createDirectories(root.resolve("srv/web"));
        Files.writeString(root.resolve("srv/web/package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": [");
        return scan(new RootfsDirectorySource(root).open(SourceOptions.DEFAULT));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The inventory as if the image had another config user, environment and healthcheck. */
  static Inventory withConfig(Inventory inventory, String user, List<String> envNames, Optional<List<String>> healthcheck) {
    ImageFacts f = inventory.image();
    ImageFacts changed = new ImageFacts(f.name(), f.reference(), f.manifestDigest(), f.indexDigest(), f.configDigest(),
        f.platform(), f.layers(), f.totalSize(), f.created(), user, envNames, f.labels(), f.exposedPorts(),
        healthcheck, f.entrypoint(), f.cmd(), f.workingDir(), f.history());
    return new Inventory(changed, inventory.os(), inventory.packages(), inventory.secrets(),
        inventory.privilegedFiles(), inventory.users(), inventory.problems());
  }

  static InventoryPackage pkg(Inventory inventory, String name) {
    return inventory.packages().stream().filter(p -> p.pkg().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no package " + name + " in " + inventory.image().name()));
  }

  static ImageRef ref(String text) {
    return ImageRef.parse(text);
  }

  private static Inventory archive(String file, String selector) {
    return SCANNED.computeIfAbsent(selector, key -> {
      try {
        return scan(new ArchiveImageSource(TestData.testdata("images/" + file))
            .open(SourceOptions.DEFAULT.withSelector(selector)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Inventory scan(Image opened) {
    try (Image image = opened) {
      return new InventoryScanner(Analyzers.defaults(), NoLayerCache.INSTANCE).scan(image);
    }
  }
}
