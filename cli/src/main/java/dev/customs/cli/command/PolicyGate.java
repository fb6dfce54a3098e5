package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.analyzer.files.FileRule;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.FailureHistory;
import dev.customs.core.policy.FindingViews;
import dev.customs.core.policy.IgnoreFile;
import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.core.policy.PolicyEvaluator;
import dev.customs.core.policy.PolicyFormatException;
import dev.customs.core.policy.Suppressions;
import dev.customs.core.policy.Verdict;
import dev.customs.core.policy.VexDocument;
import dev.customs.core.policy.control.FilesControl;
import dev.customs.core.policy.load.PolicyLoader;
import dev.customs.core.vuln.match.MatchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The policy flags of {@code customs scan} and the verdict: policies, ignore file and VEX documents
 * are read before the image (a typo should not cost a download), the assessment is printed to
 * standard error, and a non-compliant image exits with {@code --exit-code} (default 1).
 */
public final class PolicyGate {
  static final Path DEFAULT_IGNORE_FILE = Path.of(".customsignore");

  @Option(names = "--policy", paramLabel = "FILE|NAME",
      description = "Judge the image against this policy (repeatable): a file, or baseline or strict.")
  List<String> policies = List.of();

  @Option(names = "--ignorefile", paramLabel = "FILE",
      description = "Vulnerability ids to ignore (default: .customsignore when present).")
  Path ignoreFile;

  @Option(names = "--vex", paramLabel = "FILE", description = "An OpenVEX or CycloneDX VEX document (repeatable).")
  List<Path> vex = List.of();

  @Option(names = "--exit-code", paramLabel = "N", defaultValue = "1",
      description = "Exit code when the image is not compliant. Default: ${DEFAULT-VALUE}.")
  int exitCode;

  private List<Policy> loaded = List.of();
  private Suppressions suppressions = Suppressions.NONE;

  /** Reads the policies and suppressions; false (after printing why) when one is invalid. */
  boolean load(PrintWriter err) {
    try {
      List<Policy> read = new ArrayList<>();
      for (String policy : policies) {
        read.add(new PolicyLoader().load(policy));
      }
      List<IgnoreFile> ignores = new ArrayList<>();
      Path ignore = ignoreFile != null ? ignoreFile : Files.exists(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : null;
      if (ignore != null) {
        ignores.add(IgnoreFile.read(ignore));
      }
      List<VexDocument> documents = new ArrayList<>();
      for (Path file : vex) {
        documents.add(VexDocument.read(file));
      }
      loaded = read;
      suppressions = new Suppressions(ignores, documents);
      return true;
    } catch (PolicyFormatException e) {
      e.problems().forEach(p -> err.println("customs scan: " + p));
    } catch (IOException e) {
      err.println("customs scan: cannot read " + e.getMessage());
    }
    return false;
  }

  /** The file rules (content patterns) of the loaded policies: the layer analysis must apply them. */
  List<FileRule> fileRules() {
    return FilesControl.contentRulesOf(loaded);
  }

  /** The assessment of the scan by the loaded policies; empty when no policy was given. */
  Optional<Assessment> assess(Inventory inventory, MatchResult match) {
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    EvaluationContext context = EvaluationContext.of(inventory, Instant.now())
        .withVulnerabilities(FindingViews.of(match.findings())).withVulnData(FindingViews.facts(match));
    return Optional.of(new PolicyEvaluator(suppressions, FailureHistory.NONE).evaluate(loaded, context));
  }

  /** The exit code, after printing the verdict. OK when no policy was given. */
  int judge(Optional<Assessment> assessment, PrintWriter err) {
    if (assessment.isEmpty()) {
      return ExitCode.OK;
    }
    print(assessment.get(), err);
    return assessment.get().compliant() ? ExitCode.OK : exitCode;
  }

  private static void print(Assessment assessment, PrintWriter err) {
    assessment.suppressed().forEach(s -> err.println("customs scan: suppressed: " + s));
    assessment.notes().forEach(n -> err.println("customs scan: note: " + n));
    for (PolicyAssessment policy : assessment.policies()) {
      String verdict = !policy.inScope() ? "not in scope" : policy.blocks() ? "FAIL" : "pass";
      err.println("customs scan: policy " + policy.policy() + ": " + verdict);
      policy.suppressed().forEach(s -> err.println("  suppressed: " + s));
      policy.notes().forEach(n -> err.println("  note: " + n));
      for (ControlAssessment control : policy.controls()) {
        if (control.verdict() == Verdict.PASS) {
          continue;
        }
        String note = control.note().isEmpty() ? "" : " (" + control.note() + ")";
        err.println("  " + control.verdict() + " " + control.id() + ": " + String.join("; ", control.result().reasons())
            + note);
        control.result().offenses().forEach(o -> err.println("    - " + o));
      }
    }
    err.println("customs scan: " + (assessment.compliant() ? "compliant" : "NOT COMPLIANT"));
  }
}
