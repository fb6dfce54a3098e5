package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.source.ArchiveImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.core.layer.LayerEntry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on the real test images, read by the real LayerReader, with a probe analyzer that
 * reports every file it wants as a "package" named after its path and versioned by its content
 * digest. What survives is checked against what the images README says their layers do.
 */
class RealImageApplierTest {
  /** Wants the files matching a pattern; thread-safe. */
  private static final class PathProbe implements PackageAnalyzer {
    private final Pattern wanted;
    final AtomicInteger calls = new AtomicInteger();

    PathProbe(String regex) {
      this.wanted = Pattern.compile(regex);
    }

    @Override public String name() {
      return "probe";
    }

    @Override public int version() {
      return 1;
    }

    @Override public boolean wants(LayerEntry entry) {
      return wanted.matcher(entry.path()).matches();
    }

    @Override public void analyze(AnalyzerInput input, AnalysisSink sink) {
      calls.incrementAndGet();
      sink.addPackage(Package.of(Ecosystem.GEM, input.path(), Digest.sha256(input.content()).shortHex(), input.path()));
    }
  }

  private static Inventory scan(String ref, PackageAnalyzer probe, LayerCache cache) throws IOException {
    Path archive = TestData.testdata("images/debian12.oci.tar");
    try (Image image = new ArchiveImageSource(archive).open(SourceOptions.DEFAULT.withSelector(ref))) {
      return new InventoryScanner(List.of(probe), cache).scan(image);
    }
  }

  private static Map<String, InventoryPackage> byPath(Inventory inventory) {
    return inventory.packages().stream().collect(Collectors.toMap(p -> p.pkg().name(), Function.identity()));
  }

  @Test
  void theSecondLayerDeletesE2fsprogsAndRewritesTheDpkgStatus() throws IOException {
    PathProbe probe = new PathProbe("var/lib/dpkg/status|var/lib/dpkg/info/e2fsprogs\\.list"
        + "|usr/share/doc/(e2fsprogs|openssl|bash)/copyright|usr/sbin/mke2fs");

    Map<String, InventoryPackage> minbase = byPath(scan("debian12-minbase", probe, NoLayerCache.INSTANCE));
    Inventory debian12 = scan("debian12", probe, NoLayerCache.INSTANCE);
    Map<String, InventoryPackage> found = byPath(debian12);
    List<Digest> layers = debian12.image().layers().stream().map(l -> l.diffId()).toList();

    assertThat(minbase).containsKeys("var/lib/dpkg/info/e2fsprogs.list", "usr/share/doc/e2fsprogs/copyright",
        "usr/sbin/mke2fs");
    assertThat(found).containsOnlyKeys("var/lib/dpkg/status", "usr/share/doc/openssl/copyright",
        "usr/share/doc/bash/copyright");
    assertThat(found.get("var/lib/dpkg/status").layerDiffId()).isEqualTo(layers.get(1));
    assertThat(found.get("var/lib/dpkg/status").pkg().version())
        .isNotEqualTo(minbase.get("var/lib/dpkg/status").pkg().version());
    assertThat(found.get("usr/share/doc/bash/copyright").layerDiffId()).isEqualTo(layers.get(0));
    assertThat(debian12.problems()).isEmpty();
  }

  @Test
  void filesOfALayerWithoutParentDirectoryEntriesAreFound() throws IOException {
    PathProbe probe = new PathProbe("usr/local/lib/python3\\.11/site-packages/[^/]+\\.dist-info/METADATA");

    Inventory app = scan("debian12-app", probe, NoLayerCache.INSTANCE);

    Digest top = app.image().layers().get(4).diffId();
    assertThat(app.packages()).hasSize(12).allSatisfy(p -> assertThat(p.layerDiffId()).isEqualTo(top));
  }

  @Test
  void setuidProgramsAndAccountsOfTheBaseSurvive() throws IOException {
    Inventory debian12 = scan("debian12", new PathProbe("none"), NoLayerCache.INSTANCE);

    assertThat(debian12.privilegedFiles()).extracting(PrivilegedFile::path).contains("usr/bin/passwd", "usr/bin/su");
    assertThat(debian12.privilegedFiles()).filteredOn(f -> f.path().equals("usr/bin/passwd"))
        .singleElement().satisfies(f -> assertThat(f.setuid()).isTrue());
    assertThat(debian12.users()).extracting(UserAccount::name, UserAccount::uid)
        .contains(tuple("root", 0L), tuple("nobody", 65534L));
  }

  @Test
  void theImagesShareTheirBaseLayerThroughTheCache(@TempDir Path cacheDir) throws IOException {
    PathProbe probe = new PathProbe("var/lib/dpkg/status|usr/share/doc/[^/]+/copyright");
    DiskLayerCache cache = new DiskLayerCache(cacheDir);

    Inventory cold = scan("debian12", probe, cache);
    int coldCalls = probe.calls.get();
    Inventory warm = scan("debian12-app", probe, cache);

    assertThat(probe.calls.get()).isEqualTo(coldCalls);
    assertThat(warm.packages()).isEqualTo(cold.packages());
  }
}
