package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.db.BuildReport;
import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.db.BundleChecksum;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.testkit.TestImages;
import dev.customs.testkit.TestVulnData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The matching benchmark (prints figures, asserts nothing; run by {@code scripts/bench-match.sh}),
 * in two phases that the script runs as two JVMs, so that matching is measured in a process that
 * never built anything:
 *
 * <ul>
 *   <li>{@code build DIR}: builds {@code DIR/customs.db} from the test data (timed), then copies its
 *       affected records under other package names ({@code name-benchN}) until it holds at least
 *       200,000.</li>
 *   <li>{@code match DIR [RUNS]}: opens that bundle once, then matches an inventory of 1,000
 *       packages: the debian12-app image's own (deb, maven, npm, pypi), real go/cargo/gem/nuget/pypi
 *       packages at versions the test data has records for, and renamed copies of all of them that
 *       hit the copied records. Prints the median wall and CPU milliseconds per image after
 *       warm-up, for the same image again and for a new image (a freshly opened bundle, its caches
 *       empty; the first such runs apart), the time to open the bundle, the findings, and the heap
 *       in use.</li>
 * </ul>
 */
public final class MatchBench {
  private static final int TARGET_RECORDS = 200_000;
  private static final int PACKAGES = 1_000;
  private static final int WARM_UP = 10;
  private static final int DEFAULT_RUNS = 30;
  private static final int FRESH_FIRST = 10;
  private static final int FRESH_WARM_UP = 10;

  private MatchBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !List.of("build", "match").contains(args[0])) {
      System.err.println("usage: MatchBench build DIR | match DIR [RUNS]");
      System.exit(2);
    }
    Path bundle = Path.of(args[1]).resolve("customs.db");
    if (args[0].equals("build")) {
      build(bundle);
    } else {
      match(bundle, args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_RUNS);
    }
  }

  private static void build(Path bundle) throws Exception {
    Files.createDirectories(bundle.getParent());
    Files.deleteIfExists(bundle);
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    BuildReport report = new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(TestVulnData.allFeeds(), bundle);
    long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    System.out.printf("bundle from the test data: %d ms wall, %d ms CPU, %d bytes%n",
        report.elapsed().toMillis(), cpuMs, report.size());
    replicate(bundle);
  }

  private static void match(Path bundle, int runs) throws Exception {
    Inventory inventory;
    MatchResult result = null;
    try (VulnDb db = VulnDb.open(bundle)) {
      long affected = db.metadata().rowCounts().get("affected");
      int copies = (int) (affected / originalRecords(bundle)) - 1;
      inventory = inventory(copies);
      System.out.printf("bench bundle: %d affected records (%d copies under other names), %d bytes%n",
          affected, copies, Files.size(bundle));
      System.out.println("inventory: " + describe(inventory));
      VulnMatcher matcher = new VulnMatcher(db);
      for (int i = 0; i < WARM_UP; i++) {
        result = matcher.match(inventory); // JIT, SQLite page cache, the bundle's read caches
      }
      Timings same = new Timings(runs);
      for (int i = 0; i < runs; i++) {
        same.time(() -> matcher.match(inventory));
      }
      same.print(matching(inventory, "the same image again (the open bundle's caches hold its packages)"));
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.out.printf("heap used %d MB after GC, the bundle open and its caches holding the image (max heap %d MB)%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
    // What an image of packages the open bundle was never asked about costs: each run opens a fresh
    // VulnDb (timed apart: the checksum check reads the whole file), whose caches are empty. The
    // first such runs also pay the JIT compiling the reading path, which the same-image runs never
    // took; a process that has matched new images before (a server) has compiled it. Those first
    // runs, then a few untimed ones, come before the runs printed as "a new image".
    Timings opening = new Timings(FRESH_FIRST + FRESH_WARM_UP + runs);
    Timings first = new Timings(FRESH_FIRST);
    Timings fresh = new Timings(runs);
    for (int i = 0; i < opening.runs(); i++) {
      VulnDb[] opened = new VulnDb[1];
      opening.time(() -> opened[0] = open(bundle));
      try (VulnDb db = opened[0]) {
        VulnMatcher matcher = new VulnMatcher(db);
        if (i < FRESH_FIRST) {
          first.time(() -> matcher.match(inventory));
        } else if (i < FRESH_FIRST + FRESH_WARM_UP) {
          matcher.match(inventory);
        } else {
          fresh.time(() -> matcher.match(inventory));
        }
      }
    }
    first.print(matching(inventory, "the first new images (the open bundle's caches empty, the JIT still"
        + " compiling the reading path)"));
    fresh.print(matching(inventory, "a new image (the open bundle's caches empty)"));
    opening.print("open the bundle (checksum, schema, metadata)");
    long packagesHit = result.findings().stream().map(Finding::pkg).distinct().count();
    System.out.printf("%d findings in %d packages, %d problems%n", result.findings().size(), packagesHit,
        result.problems().size());
  }

  /** Per-run figures of one way of matching; printed as medians. */
  private static final class Timings {
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] ms;
    private final long[] cpu;
    private final long[] threadCpu;
    private final long[] allocated;
    private int done;

    Timings(int runs) {
      ms = new long[runs];
      cpu = new long[runs];
      threadCpu = new long[runs];
      allocated = new long[runs];
    }

    int runs() {
      return ms.length;
    }

    void time(Runnable match) {
      long t0 = System.nanoTime();
      long c0 = processCpuNanos();
      long tc0 = threads.getCurrentThreadCpuTime();
      long a0 = threads.getCurrentThreadAllocatedBytes();
      match.run();
      allocated[done] = (threads.getCurrentThreadAllocatedBytes() - a0) >> 20;
      threadCpu[done] = (threads.getCurrentThreadCpuTime() - tc0) / 1_000_000;
      cpu[done] = (processCpuNanos() - c0) / 1_000_000;
      ms[done] = (System.nanoTime() - t0) / 1_000_000;
      done++;
    }

    void print(String what) {
      Arrays.sort(ms);
      Arrays.sort(cpu);
      Arrays.sort(threadCpu);
      Arrays.sort(allocated);
      int n = ms.length;
      // Wall time depends on what else the machine runs; CPU time less, allocation not at all. Process
      // CPU time counts every thread (GC, JIT, any parallel work); thread CPU only the caller's.
      System.out.printf("%s: median %d ms wall (min %d, max %d); median %d ms process CPU (min %d), %d ms"
          + " calling-thread CPU (min %d), %d MB allocated by it; %d runs%n", what, ms[n / 2], ms[0], ms[n - 1],
          cpu[n / 2], cpu[0], threadCpu[n / 2], threadCpu[0], allocated[n / 2], n);
    }
  }

  private static String matching(Inventory inventory, String image) {
    return "match " + inventory.packages().size() + " packages, " + image;
  }

  private static VulnDb open(Path bundle) {
    try {
      return VulnDb.open(bundle);
    } catch (BundleException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long originalRecords(Path bundle) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + bundle + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM affected WHERE name NOT LIKE '%-bench%'")) {
      return rs.getLong(1);
    }
  }

  /** Copies every affected row under {@code name-benchN} until the bundle holds the target; rewrites the checksum. */
  private static void replicate(Path bundle) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bundle); Statement s = c.createStatement()) {
      long original;
      try (ResultSet rs = s.executeQuery("SELECT max(id) FROM affected")) {
        original = rs.getLong(1);
      }
      int copies = (int) ((TARGET_RECORDS + original - 1) / original) - 1;
      c.setAutoCommit(false);
      for (int n = 1; n <= copies; n++) {
        s.executeUpdate("INSERT INTO affected (vuln_id, feed, ecosystem, name, ranges, versions, status, fixed_version,"
            + " severity_source, severity_level, severity_raw) SELECT vuln_id, feed, ecosystem, name || '-bench" + n
            + "', ranges, versions, status, fixed_version, severity_source, severity_level, severity_raw"
            + " FROM affected WHERE id <= " + original);
      }
      s.executeUpdate("UPDATE meta SET value = (SELECT count(*) FROM affected) WHERE key = 'rows.affected'");
      c.commit();
      System.out.printf("bench bundle: %d original affected records, %d copies under other names%n", original, copies);
    }
    Files.writeString(BundleChecksum.sidecarOf(bundle),
        BundleChecksum.sha256(bundle) + "  " + bundle.getFileName() + "\n");
  }

  /**
   * Language packages the debian12-app image lacks, at real versions the test data has records
   * for, named as the analyzers name them (Go versions with their {@code v}).
   */
  private static final List<Package> OTHER_ECOSYSTEMS = List.of(
      Package.of(Ecosystem.GO, "stdlib", "v1.20.1", "app/server"),
      Package.of(Ecosystem.GO, "golang.org/x/net", "v0.7.0", "app/server"),
      Package.of(Ecosystem.CARGO, "openssl", "0.10.40", "app/Cargo.lock"),
      Package.of(Ecosystem.CARGO, "hyper", "0.14.10", "app/Cargo.lock"),
      Package.of(Ecosystem.CARGO, "h2", "0.3.15", "app/Cargo.lock"),
      Package.of(Ecosystem.GEM, "rack", "2.0.8", "app/Gemfile.lock"),
      Package.of(Ecosystem.GEM, "nokogiri", "1.10.4", "app/Gemfile.lock"),
      Package.of(Ecosystem.NUGET, "Newtonsoft.Json", "12.0.1", "app/app.deps.json"),
      Package.of(Ecosystem.NUGET, "System.Text.Encodings.Web", "4.5.0", "app/app.deps.json"),
      Package.of(Ecosystem.PYPI, "Django", "3.2.0", "usr/local/lib/python3.11/site-packages/Django-3.2.dist-info"));

  /**
   * debian12-app's packages and {@link #OTHER_ECOSYSTEMS}, then copies renamed like the replicated
   * records, up to {@link #PACKAGES}: every copy asks for rows that exist, as the originals do.
   */
  private static Inventory inventory(int copies) {
    Inventory app = TestImages.inventory("debian12-app");
    List<InventoryPackage> originals = new ArrayList<>(app.packages());
    OTHER_ECOSYSTEMS.forEach(p -> originals.add(new InventoryPackage(p, "", app.packages().getFirst().layerDiffId(),
        "bench")));
    List<InventoryPackage> packages = new ArrayList<>(originals);
    for (int n = 1; packages.size() < PACKAGES; n = n % copies + 1) {
      for (InventoryPackage ip : originals) {
        if (packages.size() == PACKAGES) {
          break;
        }
        Package p = ip.pkg();
        String suffix = "-bench" + n;
        Package renamed = new Package(p.ecosystem(), p.name() + suffix, p.version(),
            p.sourceName().isEmpty() ? "" : p.sourceName() + suffix, p.sourceVersion(), p.arch(),
            p.licenses(), p.paths(), p.properties());
        packages.add(new InventoryPackage(renamed, ip.purl(), ip.layerDiffId(), ip.analyzer()));
      }
    }
    return new Inventory(app.image(), app.os(), packages, app.secrets(), app.privilegedFiles(), app.users(), app.problems());
  }

  private static String describe(Inventory inventory) {
    Map<Ecosystem, Integer> counts = new EnumMap<>(Ecosystem.class);
    inventory.packages().forEach(p -> counts.merge(p.pkg().ecosystem(), 1, Integer::sum));
    return inventory.packages().size() + " packages " + counts + ", os " + inventory.os().map(o -> o.family() + " "
        + o.version()).orElse("none");
  }
}
