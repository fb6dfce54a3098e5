package dev.customs.cli.command;

import dev.customs.core.report.ScanFormat;
import dev.customs.core.report.ScanFormats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One report {@code customs scan} writes: a format and its file, or standard output (null file).
 * Built from {@code --format} and the repeatable {@code --output}: {@code FILE} takes the
 * {@code --format} report, {@code FORMAT=FILE} adds another report of the same scan.
 */
record ScanOutput(ScanFormat format, Path file) {
  // A format name is lower-case letters: "C:\x" or "./a=b" are files, "sarif=x" is not.
  private static final Pattern NAMED = Pattern.compile("([a-z]+)=(.*)", Pattern.DOTALL);

  /** The reports to write, or a usage error naming the faulty {@code --output}. */
  static List<ScanOutput> of(String format, List<String> outputs) {
    ScanFormat main = byName(format, "--format \"" + format + "\"");
    Path mainFile = null;
    List<ScanOutput> extra = new ArrayList<>();
    for (String output : outputs) {
      Matcher named = NAMED.matcher(output);
      if (named.matches()) {
        extra.add(new ScanOutput(byName(named.group(1), "--output " + output), file(named.group(2), output)));
      } else if (mainFile != null) {
        throw new IllegalArgumentException("--output " + output + ": the --format report already goes to " + mainFile
            + " (write other formats with --output FORMAT=FILE)");
      } else {
        mainFile = file(output, output);
      }
    }
    List<ScanOutput> all = new ArrayList<>();
    all.add(new ScanOutput(main, mainFile));
    all.addAll(extra);
    Set<Path> files = new HashSet<>();
    all.stream().map(ScanOutput::file).filter(f -> f != null && !files.add(f.toAbsolutePath().normalize()))
        .findFirst().ifPresent(f -> {
          throw new IllegalArgumentException("--output: two reports would be written to " + f);
        });
    return all;
  }

  /** Where it goes, for messages. */
  String target() {
    return file == null ? "standard output" : file.toString();
  }

  private static ScanFormat byName(String name, String where) {
    Optional<ScanFormat> format = ScanFormats.byName(name);
    return format.orElseThrow(() -> new IllegalArgumentException("unknown format \"" + name + "\" in " + where
        + " (expected one of " + String.join(", ", ScanFormats.names()) + ")"));
  }

  private static Path file(String path, String output) {
    if (path.isBlank()) {
      throw new IllegalArgumentException("--output " + output + ": no file name");
    }
    return Path.of(path);
  }
}
