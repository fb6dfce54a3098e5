package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.VersionProvider;
import dev.customs.cli.options.ImageOptions;
import dev.customs.cli.options.LayerCacheOptions;
import dev.customs.core.inventory.Inventory;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code customs scan}: the inventory of an image matched against the vulnerability database. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Find the vulnerabilities of an image's packages in the vulnerability database.",
        "Exit codes: 0 scanned (and compliant with every --policy), 1 not compliant (or --exit-code N), "
            + "2 wrong flags or an invalid policy, 3 image unreadable or no usable database."})
public final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ImageOptions image;

  @Mixin LayerCacheOptions cache;

  @Mixin DbLocationOption database;

  @Mixin PolicyGate policy;

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

  @Option(names = {"-q", "--quiet"}, description = "No warnings on standard error (errors are still printed).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    List<ScanOutput> reports = ScanOutput.of(format, outputs);
    FindingFilter filter = FindingFilter.of(severities, ignoreUnfixed);
    image.validate();
    PrintWriter err = spec.commandLine().getErr();
    if (!policy.load(err)) {
      return ExitCode.USAGE;
    }
    // The database first: without one, reading a large image would be time lost.
    try (VulnDb db = VulnDb.open(database.path())) {
      Inventory inventory;
      try {
        inventory = ImageInventory.read(image, cache);
      } catch (IOException e) {
        err.println("customs scan: cannot read the image: " + e.getMessage());
        return ExitCode.IMAGE_UNREADABLE;
      }
      MatchResult match = filter.apply(new VulnMatcher(db).match(inventory));
      Optional<Assessment> assessment = policy.assess(inventory, match);
      boolean written = write(reports, new ScanResult(inventory, match, assessment), err);
      if (!quiet) {
        warn(inventory, match, err);
      }
      int verdict = policy.judge(assessment, err);
      return written ? verdict : ExitCode.USAGE;
    } catch (BundleException e) {
      err.println("customs scan: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
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
