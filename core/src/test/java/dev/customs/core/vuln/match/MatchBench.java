package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.db.BuildReport;
import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.db.BundleChecksum;
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
import java.util.List;

/**
 * The matching benchmark (prints figures, asserts nothing; run by {@code scripts/bench-match.sh}):
 * builds a bundle from the test data (timed), replicates its affected records under other package
 * names until it holds at least 200,000, then matches an inventory of 1,000 packages (the
 * debian12-app packages and renamed copies that hit the replicated records) and prints the median
 * milliseconds per image with the bundle open, and the heap in use.
 */
public final class MatchBench {
  private static final int TARGET_RECORDS = 200_000;
  private static final int PACKAGES = 1_000;
  private static final int RUNS = 20;

  private MatchBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("customs-bench-");
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    BuildReport report = new BundleBuilder(Feeds.defaults(), Clock.systemUTC())
        .build(TestVulnData.allFeeds(), dir.resolve("customs.db"));
    long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    System.out.printf("bundle from the test data: %d ms wall, %d ms CPU, %d bytes%n",
        report.elapsed().toMillis(), cpuMs, report.size());
    int copies = replicate(report.bundle());
    Inventory inventory = inventory(copies);
    try (VulnDb db = VulnDb.open(report.bundle())) {
      System.out.printf("bench bundle: %d affected records (%d copies under other names), %d bytes%n",
          db.metadata().rowCounts().get("affected"), copies, Files.size(report.bundle()));
      VulnMatcher matcher = new VulnMatcher(db);
      int findings = 0;
      for (int i = 0; i < 5; i++) {
        findings = matcher.match(inventory).findings().size(); // warm-up: JIT and SQLite page cache
      }
      long[] ms = new long[RUNS];
      long[] cpu = new long[RUNS];
      var threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        matcher.match(inventory);
        cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      Arrays.sort(ms);
      Arrays.sort(cpu);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
      // Wall time depends on what else the machine runs; the thread's CPU time much less.
      System.out.printf("match %d packages: median %d ms wall (min %d, max %d), median %d ms CPU (min %d) per image"
          + " (%d findings); heap used %d MB after GC (max heap %d MB)%n", inventory.packages().size(), ms[RUNS / 2],
          ms[0], ms[RUNS - 1], cpu[RUNS / 2], cpu[0], findings, used, rt.maxMemory() >> 20);
    }
  }

  /** Copies every affected row under {@code name-benchN} until the bundle holds the target; rewrites the checksum. */
  private static int replicate(Path bundle) throws Exception {
    int copies;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bundle); Statement s = c.createStatement()) {
      long original;
      try (ResultSet rs = s.executeQuery("SELECT max(id) FROM affected")) {
        original = rs.getLong(1);
      }
      copies = (int) ((TARGET_RECORDS + original - 1) / original) - 1;
      c.setAutoCommit(false);
      for (int n = 1; n <= copies; n++) {
        s.executeUpdate("INSERT INTO affected (vuln_id, feed, ecosystem, name, ranges, versions, status, fixed_version,"
            + " severity_source, severity_level, severity_raw) SELECT vuln_id, feed, ecosystem, name || '-bench" + n
            + "', ranges, versions, status, fixed_version, severity_source, severity_level, severity_raw"
            + " FROM affected WHERE id <= " + original);
      }
      s.executeUpdate("UPDATE meta SET value = (SELECT count(*) FROM affected) WHERE key = 'rows.affected'");
      c.commit();
    }
    Files.writeString(BundleChecksum.sidecarOf(bundle),
        BundleChecksum.sha256(bundle) + "  " + bundle.getFileName() + "\n");
    return copies;
  }

  /** debian12-app's packages, then copies renamed like the replicated records, up to {@link #PACKAGES}. */
  private static Inventory inventory(int copies) {
    Inventory app = TestImages.inventory("debian12-app");
    List<InventoryPackage> packages = new ArrayList<>(app.packages());
    for (int n = 1; packages.size() < PACKAGES; n = n % copies + 1) {
      for (InventoryPackage ip : app.packages()) {
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
}
