package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.VersionProvider;
import dev.customs.cli.options.DurationConverter;
import dev.customs.cli.options.ImageOptions;
import dev.customs.cli.options.LayerCacheOptions;
import dev.customs.cli.options.ServerOptions;
import dev.customs.cli.output.ScanProgress;
import dev.customs.core.image.Image;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.files.FileRule;
import dev.customs.core.inventory.analyzer.files.FileRuleAnalyzer;
import dev.customs.core.policy.Assessment;
import dev.customs.core.report.SbomContext;
import dev.customs.core.report.ScanResult;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.VulnDb;
import dev.customs.core.vuln.match.FindingFilter;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.match.VulnMatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code customs scan}: the inventory of an image matched against the vulnerability database. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Find the vulnerabilities of an image's packages in the vulnerability database.",
        "Exit codes: 0 scanned (and compliant with every --policy, or as --server judged), 1 not compliant "
            + "(or --exit-code N), 2 wrong flags or an invalid policy, 3 image unreadable, no usable database, "
            + "--timeout reached or no verdict from --server."})
public final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ImageOptions image;

  @Mixin LayerCacheOptions cache;

  @Mixin DbLocationOption database;

  @Mixin PolicyGate policy;

  @Mixin ServerOptions server;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, cyclonedx (a CycloneDX 1.6 VDR), sarif, junit, gitlab or html. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--severity", paramLabel = "LIST", split = ",",
      description = "Only these severities, e.g. critical,high (unknown, negligible, low, medium, high, critical).")
  List<String> severities = List.of();

  @Option(names = "--ignore-unfixed", description = "Leave out vulnerabilities that have no fix yet.")
  boolean ignoreUnfixed;

  @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT=]FILE",
      description = "Write the --format report to FILE instead of standard output; FORMAT=FILE (repeatable) "
          + "also writes that format of the same scan, e.g. --output sarif=customs.sarif --output junit=junit.xml.")
  List<String> outputs = List.of();

  @Option(names = {"-q", "--quiet"},
      description = "No progress bar and no warnings on standard error (errors are still printed).")
  boolean quiet;

  @Option(names = "--offline",
      description = "Use no network except to pull IMAGE from its registry: a URL given to --policy, --vex, "
          + "--ignorefile or --db is refused.")
  boolean offline;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
      description = "Abandon the scan (exit code 3) when reading, matching and judging the image take longer, "
          + "e.g. 30s, 10m, 1h. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  // What the scan thread is doing, for the timeout message.
  private volatile String phase = "starting";

  @Override
  public Integer call() throws IOException {
    Instant started = Instant.now();
    List<ScanOutput> reports = ScanOutput.of(format, outputs);
    FindingFilter filter = FindingFilter.of(severities, ignoreUnfixed);
    image.validate();
    PrintWriter err = spec.commandLine().getErr();
    List<String> remote = new LocalInputs().policies(policy.policies).ignoreFile(policy.ignoreFile).vex(policy.vex)
        .db(database.db).problems(offline);
    if (!remote.isEmpty()) {
      remote.forEach(p -> err.println("customs scan: " + p));
      return ExitCode.USAGE;
    }
    if (server.problem() != null) {
      err.println("customs scan: " + server.problem());
      return ExitCode.USAGE;
    }
    if (!policy.load(err)) {
      return ExitCode.USAGE;
    }
    // The database first: without one, reading a large image would be time lost.
    try (VulnDb db = VulnDb.open(database.path())) {
      ScanResult result;
      try {
        result = new ScanDeadline(timeout).run(() -> scan(db, filter)).startedAt(started);
      } catch (TimeoutException e) {
        err.println("customs scan: timed out after " + ScanDeadline.format(timeout) + " while " + phase
            + "; the scan was abandoned (allow more time with --timeout, e.g. --timeout "
            + ScanDeadline.format(timeout.multipliedBy(3)) + ")");
        return ExitCode.TIMED_OUT;
      } catch (IOException e) {
        err.println("customs scan: cannot read the image: " + e.getMessage());
        return ExitCode.IMAGE_UNREADABLE;
      }
      boolean written = write(reports, result, err);
      if (!quiet) {
        warn(result.inventory(), result.match(), err);
      }
      int verdict = server.connected() ? serverVerdict(result.inventory(), err) : policy.judge(result.assessment(), err);
      return written ? verdict : ExitCode.USAGE;
    } catch (BundleException e) {
      err.println("customs scan: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }

  /**
   * The server's verdict on the scan (it is the authority when connected): 0 compliant, --exit-code
   * when not, 3 when it cannot judge (no vulnerability data there) or cannot be reached.
   */
  private int serverVerdict(Inventory inventory, PrintWriter err) {
    ServerJudgement.Verdict answer;
    try {
      answer = new ServerJudgement(server).submit(inventory);
    } catch (IOException e) {
      err.println("customs scan: no verdict from the server: " + e.getMessage());
      return ExitCode.SERVER_UNAVAILABLE;
    }
    String registered = answer.registered() ? "registered as image " + answer.imageId()
        : "not registered (--register " + server.register + ")";
    if (answer.unknown()) {
      err.println("customs scan: the server cannot judge the image: " + answer.message() + " (" + registered + ")");
      return ExitCode.SERVER_UNAVAILABLE;
    }
    err.println("customs scan: " + server.server + " judged the image " + answer.verdict().replace('_', '-') + "; "
        + registered);
    answer.reasons().forEach(r -> err.println("  " + r));
    return answer.compliant() ? ExitCode.OK : policy.exitCode;
  }

  /** Reads, matches and judges the image: the part --timeout bounds. Runs on the deadline's thread. */
  private ScanResult scan(VulnDb db, FindingFilter filter) throws IOException {
    phase = "opening the image";
    Inventory inventory;
    try (Image opened = image.open();
        ScanProgress progress = ScanProgress.start(opened.layers().size(), ObservedImage.storedSize(opened), quiet)) {
      phase = "reading its " + opened.layers().size() + " layers";
      inventory = new InventoryScanner(analyzers(), cache.cache()).scan(new ObservedImage(opened, progress));
      progress.finish();
    }
    phase = "matching " + inventory.packages().size() + " packages";
    MatchResult match = filter.apply(new VulnMatcher(db).match(inventory));
    phase = "judging the image";
    Optional<Assessment> assessment = policy.assess(inventory, match);
    return new ScanResult(inventory, match, assessment);
  }

  /** The default analyzers, and the file rules of the policies when they have content patterns. */
  private List<PackageAnalyzer> analyzers() {
    List<FileRule> rules = policy.fileRules();
    if (rules.isEmpty()) {
      return Analyzers.defaults();
    }
    List<PackageAnalyzer> analyzers = new ArrayList<>(Analyzers.defaults());
    analyzers.add(new FileRuleAnalyzer(rules));
    return analyzers;
  }

  /** Writes every report, each from the same result; false (after saying which) when one could not be. */
  private static boolean write(List<ScanOutput> reports, ScanResult result, PrintWriter err) {
    SbomContext context = SbomContext.now(VersionProvider.version());
    boolean all = true;
    for (ScanOutput report : reports) {
      try {
        ReportOutput.write(report.file(), out -> report.format().write(result, context, out));
      } catch (IOException e) {
        err.println("customs scan: cannot write " + report.target() + ": " + e.getMessage());
        all = false;
      }
    }
    return all;
  }

  private static void warn(Inventory inventory, MatchResult match, PrintWriter err) {
    ImageInventory.warn("scan", inventory, err);
    match.distro().filter(d -> !d.covered()).ifPresent(d -> err.println("customs scan: warning: " + d.notCoveredMessage()));
    match.problems().forEach(p -> err.println("customs scan: warning: " + p));
  }
}
