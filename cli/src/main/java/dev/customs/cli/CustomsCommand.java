package dev.customs.cli;

import dev.customs.cli.command.DbCommand;
import dev.customs.cli.command.InspectCommand;
import dev.customs.cli.command.PolicyCommand;
import dev.customs.cli.command.SbomCommand;
import dev.customs.cli.command.ScanCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code customs} command: parses flags, calls core, prints. */
@Command(
    name = "customs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Container-image security: inspect images, list what is inside, find vulnerabilities, "
        + "judge them against assurance policies.",
    subcommands = {ScanCommand.class, SbomCommand.class, InspectCommand.class, DbCommand.class, PolicyCommand.class,
        CommandLine.HelpCommand.class})
public final class CustomsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    System.err.println("customs: a subcommand is required");
    spec.commandLine().usage(System.err);
    return ExitCode.USAGE;
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CustomsCommand());
    cl.setExecutionExceptionHandler(new CommandFailureHandler());
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  public static void main(String[] args) {
    // sqlite-jdbc logs through SLF4J; with no backend SLF4J would warn about that on every run.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(commandLine().execute(args));
  }
}
