package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code --format} and the repeatable {@code --output [FORMAT=]FILE} become the reports to write. */
class ScanOutputTest {
  private static List<String> described(String format, String... outputs) {
    return ScanOutput.of(format, List.of(outputs)).stream().map(o -> o.format().name() + " -> " + o.target()).toList();
  }

  @Test
  void withoutOutputTheFormatGoesToStandardOutput() {
    assertThat(described("table")).containsExactly("table -> standard output");
  }

  @Test
  void namedOutputsAddReportsOfTheSameScan() {
    assertThat(described("json", "scan.json", "sarif=out.sarif", "junit=j.xml", "html=r.html", "gitlab=gl.json"))
        .containsExactly("json -> scan.json", "sarif -> out.sarif", "junit -> j.xml", "html -> r.html",
            "gitlab -> gl.json");
  }

  @Test
  void withOnlyNamedOutputsTheFormatStillGoesToStandardOutput() {
    assertThat(described("table", "sarif=out.sarif")).containsExactly("table -> standard output", "sarif -> out.sarif");
  }

  @Test
  void aPathThatIsNoFormatNameIsAFile() {
    assertThat(ScanOutput.of("table", List.of("./a=b.txt")).get(0).file()).isEqualTo(Path.of("./a=b.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pdf=out.pdf                | unknown format \"pdf\" in --output pdf=out.pdf (expected one of table, json",
      "sarif=                     | --output sarif=: no file name",
      "a.json,b.json              | --output b.json: the --format report already goes to a.json",
      "a.json,sarif=a.json        | --output: two reports would be written to a.json",
  })
  void mistakesAreUsageErrorsNamingTheOutput(String outputs, String message) {
    assertThatThrownBy(() -> ScanOutput.of("json", List.of(outputs.split(","))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void anUnknownFormatIsNamed() {
    assertThatThrownBy(() -> ScanOutput.of("pdf", List.of())).hasMessageContaining("--format \"pdf\"");
  }
}
