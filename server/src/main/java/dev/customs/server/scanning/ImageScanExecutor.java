package dev.customs.server.scanning;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.registry.Descriptor;
import dev.customs.core.registry.FetchedManifest;
import dev.customs.core.registry.ImageIndex;
import dev.customs.core.registry.ManifestParser;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.files.FileRule;
import dev.customs.core.inventory.analyzer.files.FileRuleAnalyzer;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.report.InventoryJsonFormat;
import dev.customs.core.report.SbomContext;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryClientFactory;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.registries.RegistryUrlGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Runs one scan job: opens the image through its registry integration (after the request-forgery
 * check), takes the cluster-wide lock on its manifest digest, inventories it with the core engine
 * (layers shared through {@link DatabaseLayerCache}), then has it matched and judged ({@link ScanJudge})
 * and answers both.
 */
@Component
public class ImageScanExecutor {
  private static final int LAYER_PARALLELISM = 2;

  private final ScanTargets targets;
  private final RegistryRepository registries;
  private final RegistryUrlGuard guard;
  private final RegistryClientFactory clients;
  private final DigestLocks locks;
  private final ScanJobRepository jobs;
  private final ScanProperties properties;
  private final Clock clock;
  private final DatabaseLayerCache cache;
  private final ScanJudge judge;

  public ImageScanExecutor(ScanTargets targets, RegistryRepository registries, RegistryUrlGuard guard,
      RegistryClientFactory clients, DigestLocks locks, ScanJobRepository jobs, DatabaseLayerCache cache,
      ScanProperties properties, Clock clock, ScanJudge judge) {
    this.targets = targets;
    this.registries = registries;
    this.guard = guard;
    this.clients = clients;
    this.locks = locks;
    this.jobs = jobs;
    this.properties = properties;
    this.clock = clock;
    this.judge = judge;
    this.cache = cache;
  }

  ScanOutcome execute(ScanJob job) throws IOException {
    ScanTarget image = targets.find(job.imageId())
        .orElseThrow(() -> new PermanentScanFailure("the image was deleted"));
    Registry registry = registry(image);
    guard.check(registry.url(), registry.url().startsWith("http://"), false);
    try (Image opened = clients.openImage(registry, ImageRef.parse(image.reference()),
        Platform.parse(image.platform()))) {
      String digest = opened.manifestDigest().toString();
      jobs.setDigest(job.id(), digest);
      Instant now = clock.instant();
      if (!locks.tryAcquire(digest, job.id(), now, now.plus(properties.lease()))) {
        throw new DigestBusyException(digest);
      }
      try {
        ScanJudge.Judging judging = judge.start();
        Inventory inventory = scanner(judging.fileRules()).scan(opened);
        return new ScanOutcome(digest, inventory.packages().size(), inventory.problems().size(), document(inventory),
            judging.judge(image.imageId(), inventory),
            otherPlatforms(registry, ImageRef.parse(image.reference()), opened, inventory));
      } finally {
        locks.release(job.id());
      }
    }
  }

  /**
   * The wanted platforms of a multi-platform tag other than the one just scanned: read from the
   * index (one more manifest request, only for tags that have one).
   */
  private List<String> otherPlatforms(Registry registry, ImageRef ref, Image opened, Inventory inventory)
      throws IOException {
    if (opened.indexDigest().isEmpty()) {
      return List.of();
    }
    try (RegistryClient client = clients.openClient(registry)) {
      FetchedManifest top = client.fetchManifest(ref.repository(), opened.indexDigest().get().toString());
      if (!(ManifestParser.parse(top.mediaType(), top.bytes()) instanceof ImageIndex index)) {
        return List.of();
      }
      return index.manifests().stream().map(Descriptor::platform).flatMap(Optional::stream)
          .filter(properties::wants).filter(p -> !p.equals(inventory.image().platform()))
          .map(Platform::toString).distinct().toList();
    }
  }

  /** The default analyzers, plus the file rules of the policies' content patterns when they have some. */
  private InventoryScanner scanner(List<FileRule> rules) {
    List<PackageAnalyzer> analyzers = new ArrayList<>(Analyzers.defaults());
    if (!rules.isEmpty()) {
      analyzers.add(new FileRuleAnalyzer(rules));
    }
    return new InventoryScanner(analyzers, cache, ExtractionLimits.DEFAULT, LAYER_PARALLELISM);
  }

  private Registry registry(ScanTarget image) {
    if (image.registryId() == null) {
      throw new PermanentScanFailure("the image's registry integration was deleted; register the image again");
    }
    Registry registry = registries.findById(image.registryId()).orElseThrow(() ->
        new PermanentScanFailure("the image's registry integration was deleted; register the image again"));
    if (registry.connector() != null) {
      throw new PermanentScanFailure("registry " + registry.name() + " is reached through connector "
          + registry.connector() + ", and scanning through connectors is not available yet");
    }
    return registry;
  }

  private byte[] document(Inventory inventory) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      new InventoryJsonFormat().write(inventory, SbomContext.now(version()), out);
    }
    return bytes.toByteArray();
  }

  private static String version() {
    String version = ImageScanExecutor.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
