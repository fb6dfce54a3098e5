package dev.customs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message and an exit code. Expected failures — bad arguments,
 * an image that cannot be read — get one line naming what went wrong; only a bug prints a stack trace.
 */
final class CommandFailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    String name = cmd.getCommandSpec().qualifiedName(" ");
    if (e instanceof IllegalArgumentException) {
      cmd.getErr().println(name + ": " + e.getMessage());
      cmd.getErr().println("Try '" + name + " --help' for usage.");
      return ExitCode.USAGE;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      cmd.getErr().println(name + ": " + e.getMessage());
      return ExitCode.IMAGE_UNREADABLE;
    }
    cmd.getErr().println(name + ": internal error (please report it):");
    e.printStackTrace(cmd.getErr());
    return ExitCode.IMAGE_UNREADABLE;
  }
}
