package dev.customs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.testkit.TestData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps the README's CLI reference in step with the code: every command and every option the CLI
 * accepts must be named there, so a new flag cannot ship undocumented.
 */
class CliReferenceTest {
  @Test
  void readmeNamesEveryCommandAndOption() throws Exception {
    String readme = Files.readString(TestData.projectRoot().resolve("README.md"));
    List<String> missing = new ArrayList<>();
    collect(CustomsCommand.commandLine(), readme, missing);

    assertThat(missing).as("commands and options missing from README.md's CLI reference").isEmpty();
  }

  private static void collect(CommandLine cl, String readme, List<String> missing) {
    CommandSpec spec = cl.getCommandSpec();
    String path = spec.qualifiedName(" ");
    if (spec.name().equals("help")) {
      return;
    }
    if (!readme.contains("`" + path) && !readme.contains("### " + path)) {
      missing.add("command: " + path);
    }
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      if (!readme.contains(option.longestName())) {
        missing.add(path + " " + option.longestName());
      }
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, readme, missing));
  }
}
