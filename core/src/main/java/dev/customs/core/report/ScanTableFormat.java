package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.core.policy.Verdict;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.match.DistroCoverage;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.match.MatchResult;
import dev.customs.core.vuln.model.SeverityLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For people: the image, the data it was matched against and how old it is, a count per severity,
 * then one row per finding, and the policy verdict with its reasons when policies were given. A release the data does not cover is said loudly, never shown as clean.
 */
public final class ScanTableFormat implements ScanFormat {
  @Override
  public String name() {
    return "table";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Inventory inventory = result.inventory();
    MatchResult match = result.match();
    w.printf("Image:    %s%n", SbomSubject.imageName(inventory.image()));
    w.printf("Digest:   %s%n", inventory.image().manifestDigest());
    w.printf("OS:       %s%n", inventory.os().map(o -> o.family() + " " + o.version()).orElse("unknown"));
    w.printf("Packages: %d%n", inventory.packages().size());
    BundleMetadata db = match.database();
    w.printf("Database: built %s (%d days before this report)%n", db.builtAt(),
        Duration.between(db.builtAt(), context.created()).toDays());
    match.distro().filter(d -> !d.covered()).map(DistroCoverage::notCoveredMessage)
        .ifPresent(m -> w.printf("WARNING:  %s%n", m));
    w.printf("Findings: %d%s%n", match.findings().size(), counts(match.findings()));
    if (!match.findings().isEmpty()) {
      w.println();
      InventoryTableFormat.printTable(w, rows(match.findings()));
    }
    if (!match.problems().isEmpty()) {
      w.printf("%n%d record(s) could not be compared; the result may be incomplete:%n", match.problems().size());
      match.problems().forEach(p -> w.printf("  %s%n", p));
    }
    result.assessment().ifPresent(a -> printVerdict(w, a));
    w.flush();
  }

  /** The verdict, then each control that did not pass with its reasons and offending items. */
  private static void printVerdict(PrintWriter w, Assessment assessment) {
    w.printf("%nPolicies: %s%n", assessment.compliant() ? "compliant" : "NOT COMPLIANT");
    for (PolicyAssessment policy : assessment.policies()) {
      w.printf("  %s: %s%n", policy.policy(), !policy.inScope() ? "not in scope" : policy.blocks() ? "FAIL" : "pass");
    }
    for (ControlOutcome outcome : ControlOutcome.all(assessment)) {
      if (outcome.control().verdict() != Verdict.PASS) {
        w.printf("  %s %s: %s%n", outcome.control().verdict(), outcome.name(), outcome.reasons());
        outcome.control().result().offenses().forEach(o -> w.printf("    - %s%n", o));
      }
    }
    assessment.suppressed().forEach(s -> w.printf("  suppressed: %s%n", s));
  }

  private static String counts(List<Finding> findings) {
    Map<SeverityLevel, Long> counts = new EnumMap<>(SeverityLevel.class);
    findings.forEach(f -> counts.merge(f.severity().level(), 1L, Long::sum));
    if (counts.isEmpty()) {
      return "";
    }
    List<SeverityLevel> order = new ArrayList<>(counts.keySet());
    order.sort(Comparator.reverseOrder());
    return order.stream().map(l -> l.name().toLowerCase(Locale.ROOT) + " " + counts.get(l))
        .collect(Collectors.joining(", ", " (", ")"));
  }

  private static List<String[]> rows(List<Finding> findings) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PACKAGE", "VERSION", "VULNERABILITY", "SEVERITY", "STATUS", "FIXED IN", "KEV", "TITLE"});
    for (Finding f : findings) {
      rows.add(new String[] {f.pkg().pkg().name(), f.installedVersion(), f.id(), f.severity().level().name(),
          f.status().key(), String.join(", ", f.fixedVersions()), f.kev().isPresent() ? "yes" : "",
          abbreviate(f.title())});
    }
    return rows;
  }

  private static String abbreviate(String title) {
    String line = title.lines().findFirst().orElse("");
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
