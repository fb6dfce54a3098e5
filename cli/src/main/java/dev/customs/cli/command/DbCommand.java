package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code customs db}: the offline vulnerability database (build, status, import, push, pull). */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the vulnerability database: one SQLite bundle file that scans match against.",
    subcommands = {DbBuildCommand.class, DbStatusCommand.class, DbImportCommand.class, DbPushCommand.class,
        DbPullCommand.class})
public final class DbCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("customs db: a subcommand is required (build, status, import, push, pull)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
