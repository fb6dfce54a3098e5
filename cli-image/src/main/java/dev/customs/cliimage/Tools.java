package dev.customs.cliimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs the JDK's own tools (jdeps, jlink) in-process: no PATH lookup, always the running JDK's. */
final class Tools {
  private Tools() {}

  /** The tool's standard output; fails with its error output when it does not exit 0. */
  static String run(String tool, List<String> args) throws IOException {
    ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IOException(
        tool + " is not available: run the image builder on a JDK (21 or newer), not a JRE"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = provider.run(o, e, args.toArray(String[]::new));
    }
    if (code != 0) {
      throw new IOException(tool + " failed (exit " + code + "): " + err.toString(StandardCharsets.UTF_8).strip()
          + " " + out.toString(StandardCharsets.UTF_8).strip());
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
