package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CustomsCommand;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code customs scan --policy}: the verdict and exit codes on the real app image, really matched. */
class ScanPolicyTest {
  private static final String DEBIAN = TestData.testdata("images/debian12.oci.tar").toString();

  @TempDir Path dir;

  private record Run(int exitCode, String err) {}

  private static Run scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--db", TestVulnData.sharedBundle().toString(), "--no-cache",
        "--input", DEBIAN, "debian12-app", "--quiet"));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    PrintStream originalOut = System.out;
    try (PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      System.setOut(discard);
      CommandLine cl = CustomsCommand.commandLine();
      cl.setErr(new PrintWriter(err, true));
      return new Run(cl.execute(all.toArray(String[]::new)), err.toString());
    } finally {
      System.setOut(originalOut);
    }
  }

  @Test
  void theBaselineFailsTheAppImageWithExitCode1() {
    Run run = scan("--policy", "baseline");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_COMPLIANT);
    assertThat(run.err()).contains("customs scan: policy baseline: FAIL")
        .contains("BLOCK controls[1] knownExploited")
        .contains("- CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1")
        .contains("WARN controls[3] rootUser")
        .contains("customs scan: NOT COMPLIANT");
  }

  @Test
  void exitCodeChoosesTheNonCompliantCode() {
    assertThat(scan("--policy", "baseline", "--exit-code", "9").exitCode()).isEqualTo(9);
  }

  @Test
  void vexAndIgnoreFileSuppressForThePolicy() throws Exception {
    Path policy = Files.writeString(dir.resolve("log4shell.yaml"), """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata: {name: log4shell}
        spec:
          controls:
            - {type: vulnerabilityIds, ids: [CVE-2021-44228, CVE-2021-45046]}
        """);
    Path vex = Files.writeString(dir.resolve("app.vex.json"), """
        {"statements": [{"vulnerability": {"name": "CVE-2021-44228"},
          "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
          "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
        """);
    Path ignore = Files.writeString(dir.resolve(".customsignore"), "CVE-2021-45046 # fixed by config\n");

    Run onlyVex = scan("--policy", policy.toString(), "--vex", vex.toString());
    Run both = scan("--policy", policy.toString(), "--vex", vex.toString(), "--ignorefile", ignore.toString());

    assertThat(onlyVex.exitCode()).as(onlyVex.err()).isEqualTo(ExitCode.NOT_COMPLIANT);
    assertThat(onlyVex.err()).contains("suppressed by vex " + vex + " (OpenVEX): not_affected")
        .contains("- CVE-2021-45046 in org.apache.logging.log4j:log4j-core 2.14.1");
    assertThat(both.exitCode()).as(both.err()).isEqualTo(ExitCode.OK);
    assertThat(both.err()).contains("suppressed by ignorefile " + ignore + ":1: fixed by config")
        .contains("customs scan: compliant");
  }

  @Test
  void anInvalidPolicyIsAUsageErrorBeforeTheImageIsRead() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: customs/v1\nkind: AssurancePolicy\n");
    Run run = scan("--policy", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("customs scan: " + bad + ":1: missing required field metadata");
  }
}
