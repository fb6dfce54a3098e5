package dev.customs.cli;

import dev.customs.cli.command.DbCommand;
import dev.customs.cli.command.InspectCommand;
import dev.customs.cli.command.PolicyCommand;
import dev.customs.cli.command.SbomCommand;
import dev.customs.cli.command.ScanCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code customs} command: parses flags, calls core, prints.
 *
 * <p>Subcommands are registered here rather than in the annotation, because picocli reflects over
 * every registered command (its options, mixins and their annotations) before it parses anything:
 * building all of them cost {@code --version} about two thirds of its start-up. A run builds only
 * the subcommand its arguments name; help and a missing subcommand, which list them all, build all.
 */
@Command(
    name = "customs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Container-image security: inspect images, list what is inside, find vulnerabilities, "
        + "judge them against assurance policies.")
public final class CustomsCommand implements Callable<Integer> {
  /** Every subcommand, in the order usage lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();
  private static final Set<String> VERSION_OPTIONS = Set.of("-V", "--version");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    System.err.println("customs: a subcommand is required");
    spec.commandLine().usage(System.err);
    return ExitCode.USAGE;
  }

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("scan", ScanCommand::new);
    all.put("sbom", SbomCommand::new);
    all.put("inspect", InspectCommand::new);
    all.put("db", DbCommand::new);
    all.put("policy", PolicyCommand::new);
    all.put("help", CommandLine.HelpCommand::new);
    return all;
  }

  /** The command with every subcommand: what help output and the CLI reference describe. */
  public static CommandLine commandLine() {
    return withSubcommands(SUBCOMMANDS.keySet());
  }

  /** The command with the subcommands {@code args} can reach: one when they name it, else all. */
  public static CommandLine commandLine(String... args) {
    Optional<String> named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst();
    if (named.filter(SUBCOMMANDS::containsKey).filter(n -> !n.equals("help")).isPresent()) {
      return withSubcommands(Set.of(named.get()));
    }
    boolean versionOnly = args.length > 0 && Arrays.stream(args).allMatch(VERSION_OPTIONS::contains);
    return versionOnly ? withSubcommands(Set.of()) : commandLine();
  }

  private static CommandLine withSubcommands(Set<String> names) {
    CommandLine cl = new CommandLine(new CustomsCommand());
    SUBCOMMANDS.forEach((name, command) -> {
      if (names.contains(name)) {
        cl.addSubcommand(name, command.get());
      }
    });
    cl.setExecutionExceptionHandler(new CommandFailureHandler());
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  public static void main(String[] args) {
    // sqlite-jdbc logs through SLF4J; with no backend SLF4J would warn about that on every run.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(commandLine(args).execute(args));
  }
}
