package dev.customs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  private static final String VALID = """
      apiVersion: customs/v1
      kind: AssurancePolicy
      metadata:
        name: payments
      spec:
        scope:
          repositories: ['payments/**']
        enforceAfterDays: 14
        controls:
          - type: vulnerabilitySeverity
            threshold: HIGH
            onlyWithFix: true
          - type: rootUser
            action: audit
        exceptions:
          - vulnerability: CVE-2021-44228
            justification: JNDI lookups disabled
            author: alice
            expires: 2027-01-31
      """;

  @TempDir Path dir;

  @Test
  void validatePassesAValidFileAndABuiltInName() throws Exception {
    Path file = Files.writeString(dir.resolve("payments.yaml"), VALID);
    CliRun run = CliRun.run("policy", "validate", file.toString(), "strict");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains(file + ": valid policy payments (2 controls)").contains("strict: valid policy strict");
  }

  @Test
  void validateReportsEveryMistakeWithFileAndLineAndExits2() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), VALID.replace("threshold: HIGH", "threshold: SEVERE")
        .replace("type: rootUser", "type: rootUsr"));
    CliRun run = CliRun.run("policy", "validate", good.toString(), bad.toString(), dir.resolve("none.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).contains("good.yaml: valid policy payments");
    assertThat(run.err().lines()).containsExactly(
        bad + ":11: spec.controls[0].threshold: expected one of CRITICAL, HIGH, MEDIUM, LOW, was SEVERE",
        bad + ":13: spec.controls[1].type: unknown control type rootUsr: expected one of vulnerabilitySeverity, "
            + "cvssScore, vulnerabilityIds, knownExploited, epss, packagesBlocked, packagesRequired, licensesBlocked, "
            + "licensesAllowed, rootUser, secrets, labelsRequired, labelsForbidden, envForbidden, registriesAllowed, "
            + "baseImageAllowed, imageAge, imageSize, healthcheck, latestTag, files, passwd, vulnDataAge, scanComplete",
        dir.resolve("none.yaml") + ": no such file");
  }

  @Test
  void explainSaysWhatThePolicyChecks() throws Exception {
    Path file = Files.writeString(dir.resolve("payments.yaml"), VALID);
    CliRun run = CliRun.run("policy", "explain", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains(
        "Applies to images in repositories [payments/**].",
        "A newly failing control only warns for 14 days",
        "1. Fails when a vulnerability of severity HIGH or higher is found (only those with a fix).",
        "2. Fails when the image runs as root (no USER, or USER root or 0, or a user with uid 0). [audit]",
        "- CVE-2021-44228: JNDI lookups disabled (alice, until 2027-01-31)");
  }

  @Test
  void explainOfAnInvalidFileExits2() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), VALID.replace("kind: AssurancePolicy", "kind: Policy"));
    CliRun run = CliRun.run("policy", "explain", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(bad + ":2: kind: expected AssurancePolicy, was Policy");
  }

  @Test
  void theBaselineExplainsItsAuditedControls() {
    CliRun run = CliRun.run("policy", "explain", "baseline");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Policy baseline (baseline:baseline)").contains("no HEALTHCHECK. [audit]");
  }
}
