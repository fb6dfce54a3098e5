package dev.customs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subcommands a run builds: only the one it names, so start-up skips the others' reflection. */
class CustomsCommandTest {
  private static final String ALL = "scan sbom inspect db policy help";

  @ParameterizedTest(name = "customs {0}")
  @CsvSource(delimiter = '|', textBlock = """
      sbom --input x.tar --format json | sbom
      scan --help                      | scan
      -h db status                     | db
      --version                        | ''
      -V                               | ''
      --help                           | scan sbom inspect db policy help
      help scan                        | scan sbom inspect db policy help
      --version --help                 | scan sbom inspect db policy help
      nonsense                         | scan sbom inspect db policy help
      """)
  void buildsTheSubcommandsTheArgumentsCanReach(String args, String expected) {
    assertThat(String.join(" ", CustomsCommand.commandLine(args.split(" ")).getSubcommands().keySet()))
        .isEqualTo(expected);
  }

  @Test
  void withoutArgumentsEverySubcommandIsListed() {
    assertThat(String.join(" ", CustomsCommand.commandLine(new String[0]).getSubcommands().keySet())).isEqualTo(ALL);
    assertThat(String.join(" ", CustomsCommand.commandLine().getSubcommands().keySet())).isEqualTo(ALL);
  }

  @Test
  void theVersionNeedsNoSubcommand() {
    StringWriter out = new StringWriter();
    var cl = CustomsCommand.commandLine("--version");
    cl.setOut(new PrintWriter(out));

    assertThat(cl.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("customs ");
  }

  @Test
  void aSubcommandsHelpNamesItsParent() {
    StringWriter out = new StringWriter();
    var cl = CustomsCommand.commandLine("scan", "--help");
    cl.setOut(new PrintWriter(out));

    assertThat(cl.execute("scan", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: customs scan").contains("--ignore-unfixed");
  }
}
