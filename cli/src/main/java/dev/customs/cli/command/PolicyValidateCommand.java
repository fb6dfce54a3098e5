package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyFormatException;
import dev.customs.core.policy.load.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code customs policy validate FILE…}: exit 0 when every document is a valid policy, 2 with one
 * {@code file:line: field: problem} line per mistake otherwise (all files are checked).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check policy documents (YAML or JSON, or a built-in name); print each mistake with its file, "
        + "line and field. Exit 0 when all are valid, 2 otherwise.")
final class PolicyValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files, or built-in names (baseline, strict).")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean valid = true;
    for (String file : files) {
      try {
        Policy policy = new PolicyLoader().load(file);
        out.printf("%s: valid policy %s (%d controls)%n", file, policy.name(), policy.controls().size());
      } catch (PolicyFormatException e) {
        e.problems().forEach(err::println);
        valid = false;
      } catch (NoSuchFileException e) {
        err.println(file + ": no such file");
        valid = false;
      } catch (IOException e) {
        err.println(file + ": could not be read: " + e.getMessage());
        valid = false;
      }
    }
    return valid ? ExitCode.OK : ExitCode.USAGE;
  }
}
