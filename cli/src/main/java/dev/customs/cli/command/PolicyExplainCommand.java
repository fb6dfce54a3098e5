package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.policy.PolicyExplainer;
import dev.customs.core.policy.PolicyFormatException;
import dev.customs.core.policy.load.PolicyLoader;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code customs policy explain FILE}: what a policy checks, in plain words. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Say in plain words what a policy checks: scope, action, each control and exception.")
final class PolicyExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A policy file, or a built-in name (baseline, strict).")
  String file;

  @Override
  public Integer call() {
    try {
      PolicyExplainer.explain(new PolicyLoader().load(file)).forEach(spec.commandLine().getOut()::println);
      return ExitCode.OK;
    } catch (PolicyFormatException e) {
      e.problems().forEach(spec.commandLine().getErr()::println);
      return ExitCode.USAGE;
    } catch (IOException e) {
      spec.commandLine().getErr().println(file + ": could not be read: " + e);
      return ExitCode.USAGE;
    }
  }
}
