package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code customs scan --policy} with content patterns: applied while the real image is read, cached per rule set. */
class ScanFileRulesTest {
  private static final String DEBIAN = TestData.testdata("images/debian12.oci.tar").toString();

  @TempDir Path dir;

  private Path policy(String pattern) throws Exception {
    return Files.writeString(dir.resolve(pattern.length() + ".yaml"), """
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: no-weak-logins
        spec:
          controls:
            - type: files
              contents:
                - paths: ['etc/login.defs']
                  patterns: ['%s']
        """.formatted(pattern));
  }

  private CliRun scan(Path policy) {
    return CliRun.run("scan", "--db", TestVulnData.sharedBundle().toString(), "--cache-dir", dir.resolve("cache")
        .toString(), "--input", DEBIAN, "debian12", "--policy", policy.toString(), "--quiet");
  }

  @Test
  void aContentPatternFailsTheImageAndTheCacheKeepsEachRuleSetApart() throws Exception {
    Path weak = policy("^PASS_MAX_DAYS\\s+99999$");
    Path absent = policy("^PASS_MAX_DAYS\\s+90$");

    CliRun first = scan(weak);
    CliRun other = scan(absent);
    CliRun cached = scan(weak);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.NOT_COMPLIANT);
    assertThat(first.err())
        .containsPattern("    - /etc/login\\.defs line \\d+ matches /\\^PASS_MAX_DAYS\\\\s\\+99999\\$/");
    assertThat(other.exitCode()).as(other.err()).isEqualTo(ExitCode.OK);
    assertThat(cached.exitCode()).isEqualTo(ExitCode.NOT_COMPLIANT);
    assertThat(cached.err()).isEqualTo(first.err());
  }
}
