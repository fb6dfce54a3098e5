package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code customs policy}: check and explain assurance policy documents. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Check assurance policy documents and explain what they check.",
    subcommands = {PolicyValidateCommand.class, PolicyExplainCommand.class})
public final class PolicyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("customs policy: a subcommand is required (validate, explain)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
