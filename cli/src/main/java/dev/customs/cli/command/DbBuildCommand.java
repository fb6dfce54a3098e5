package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.vuln.db.BuildReport;
import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.FeedProblem;
import dev.customs.core.vuln.db.FeedReport;
import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.Feeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code customs db build --feed KIND=PATH_OR_URL … [--out FILE]}. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Build a vulnerability database from feeds. The new bundle replaces the old one only once"
        + " it is complete and verified.")
final class DbBuildCommand implements Callable<Integer> {
  /** Skipped records listed per feed; the rest are counted. */
  private static final int PROBLEMS_SHOWN = 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--feed", paramLabel = "KIND=PATH_OR_URL", required = true,
      description = "A feed to import; repeatable. KIND: osv, debian-tracker, alpine-secdb, rubysec, nvd, kev,"
          + " epss. A file, directory (walked recursively), zip, or http(s) URL.")
  List<String> feeds;

  @Option(names = {"--out", "--db"}, paramLabel = "FILE",
      description = "Where to write the bundle (default: the default database location).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<FeedSpec> specs;
    try {
      specs = feeds.stream().map(FeedSpec::parse).toList();
    } catch (IllegalArgumentException e) {
      err.println("customs db build: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Path target = out != null ? out : new DbLocationOption().path();
    try {
      BuildReport report = new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(specs, target);
      print(report, spec.commandLine().getOut());
      return ExitCode.OK;
    } catch (BundleException e) {
      err.println("customs db build: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }

  private static void print(BuildReport report, PrintWriter out) {
    for (FeedReport feed : report.feeds()) {
      out.printf("%-15s %8d records %6d malformed %7d ms  %s%n", feed.kind(), feed.records(),
          feed.problems().size(), feed.elapsed().toMillis(), feed.source());
      List<FeedProblem> problems = feed.problems();
      problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.printf("    skipped %s: %s%n", p.location(), p.reason()));
      if (problems.size() > PROBLEMS_SHOWN) {
        out.printf("    … and %d more skipped%n", problems.size() - PROBLEMS_SHOWN);
      }
    }
    out.printf("bundle written: %s (%d bytes, sha256 %s) in %.1f s%n", report.bundle(), report.size(),
        report.sha256(), report.elapsed().toMillis() / 1000.0);
  }
}
