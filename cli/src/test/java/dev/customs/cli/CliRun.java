package dev.customs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and captures what it prints, as a pipeline would see it. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture); // commands write reports to System.out so that large outputs stream
      var cl = CustomsCommand.commandLine();
      cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cl.execute(args);
      capture.flush();
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
    }
  }
}
