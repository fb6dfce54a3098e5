package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.FeedMetadata;
import dev.customs.core.vuln.db.VulnDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code customs db status}: what the current bundle holds. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show what the vulnerability database holds: schema, build time and age, feeds and counts.")
final class DbStatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DbLocationOption location;

  @Override
  public Integer call() {
    Path file = location.path();
    try (VulnDb db = VulnDb.open(file)) {
      print(file, db.metadata(), Instant.now(), spec.commandLine().getOut());
      return ExitCode.OK;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("customs db status: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }

  static void print(Path file, BundleMetadata meta, Instant now, PrintWriter out) {
    out.printf("database:       %s%n", file);
    out.printf("schema version: %d%n", meta.schemaVersion());
    out.printf("built:          %s (%d days ago)%n", meta.builtAt(), Duration.between(meta.builtAt(), now).toDays());
    out.printf("sha256:         %s%n", meta.sha256());
    out.printf("rows:           %s%n", meta.rowCounts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    out.printf("%-15s %9s %9s  %-27s %s%n", "FEED", "RECORDS", "MALFORMED", "FEED DATE", "SOURCE");
    for (FeedMetadata feed : meta.feeds()) {
      out.printf("%-15s %9d %9d  %-27s %s%n", feed.kind(), feed.records(), feed.malformed(),
          feed.timestamp() == null ? "-" : feed.timestamp(), feed.source());
    }
  }
}
