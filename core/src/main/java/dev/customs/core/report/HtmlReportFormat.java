package dev.customs.core.report;

import static dev.customs.core.report.HtmlText.escape;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.Verdict;
import dev.customs.core.vuln.match.Finding;
import dev.customs.core.vuln.model.SeverityLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS, no script, no external request) to open from a CI
 * artifact: summary counts, the verdict, and the findings grouped by package. Every value from the
 * scan is escaped: package names and advisory titles come from the image and the feeds.
 */
public final class HtmlReportFormat implements ScanFormat {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:.5em 0 1.5em}
      td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
      th{background:#f3f3f3}
      .CRITICAL{background:#7b1fa2;color:#fff}.HIGH{background:#c62828;color:#fff}
      .MEDIUM{background:#ef6c00;color:#fff}.LOW{background:#f9a825}
      .fail{color:#c62828;font-weight:bold}.pass{color:#2e7d32;font-weight:bold}
      """;

  @Override
  public String name() {
    return "html";
  }

  @Override
  public void write(ScanResult result, SbomContext context, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Inventory inventory = result.inventory();
    String image = escape(SbomSubject.imageName(inventory.image()));
    w.println("<!DOCTYPE html>");
    w.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    w.printf("<title>Customs scan of %s</title>%n<style>%s</style></head><body>%n", image, STYLE);
    w.printf("<h1>Customs scan of %s</h1>%n", image);
    w.printf("<p>Digest %s &middot; %s &middot; %d packages &middot; written %s by %s %s</p>%n",
        escape(inventory.image().manifestDigest().toString()),
        escape(inventory.os().map(o -> o.family() + " " + o.version()).orElse("unknown OS")),
        inventory.packages().size(), escape(context.created().toString()), escape(context.toolName()),
        escape(context.toolVersion()));
    summary(w, result.match().findings());
    result.assessment().ifPresent(a -> verdict(w, a));
    findings(w, result.match().findings());
    w.println("</body></html>");
    w.flush();
  }

  private static void summary(PrintWriter w, List<Finding> findings) {
    Map<SeverityLevel, Integer> counts = new EnumMap<>(SeverityLevel.class);
    findings.forEach(f -> counts.merge(f.severity().level(), 1, Integer::sum));
    w.printf("<h2>Summary</h2>%n<table id=\"summary\"><tr><th>Findings</th><td>%d</td></tr>%n", findings.size());
    for (SeverityLevel level : List.of(SeverityLevel.values()).reversed()) {
      w.printf("<tr><th class=\"%s\">%s</th><td>%d</td></tr>%n", level.name(),
          level.name().toLowerCase(Locale.ROOT), counts.getOrDefault(level, 0));
    }
    w.println("</table>");
  }

  private static void verdict(PrintWriter w, Assessment assessment) {
    w.printf("<h2>Verdict: <span id=\"verdict\" class=\"%s\">%s</span></h2>%n", assessment.compliant() ? "pass" : "fail",
        assessment.compliant() ? "compliant" : "NOT COMPLIANT");
    w.println("<table id=\"controls\"><tr><th>Policy control</th><th>Verdict</th><th>Reasons</th></tr>");
    for (ControlOutcome c : ControlOutcome.all(assessment)) {
      Verdict verdict = c.control().verdict();
      w.printf("<tr><td>%s</td><td class=\"%s\">%s</td><td>%s", escape(c.name()),
          verdict == Verdict.BLOCK ? "fail" : "pass", verdict, escape(c.reasons()));
      if (!c.control().result().offenses().isEmpty()) {
        w.print("<ul>");
        c.control().result().offenses().forEach(o -> w.printf("<li>%s</li>", escape(o.toString())));
        w.print("</ul>");
      }
      w.println("</td></tr>");
    }
    w.println("</table>");
    assessment.suppressed().forEach(s -> w.printf("<p>Suppressed: %s</p>%n", escape(s.toString())));
  }

  private static void findings(PrintWriter w, List<Finding> findings) {
    Map<InventoryPackage, List<Finding>> byPackage = new LinkedHashMap<>();
    findings.stream().sorted(Comparator.comparing((Finding f) -> f.pkg().pkg().name()))
        .forEach(f -> byPackage.computeIfAbsent(f.pkg(), p -> new ArrayList<>()).add(f));
    w.printf("<h2>Findings by package (%d packages)</h2>%n", byPackage.size());
    byPackage.forEach((pkg, list) -> {
      w.printf("<h3 class=\"package\">%s %s</h3>%n<p>%s</p>%n", escape(pkg.pkg().name()),
          escape(list.get(0).installedVersion()), escape(String.join(", ", pkg.pkg().paths())));
      w.println("<table><tr><th>Vulnerability</th><th>Severity</th><th>Status</th><th>Fixed in</th>"
          + "<th>KEV</th><th>Title</th></tr>");
      list.stream().sorted(Comparator.comparing((Finding f) -> f.severity().level()).reversed())
          .forEach(f -> w.printf("<tr><td>%s</td><td class=\"%s\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
              escape(f.id()), f.severity().level().name(), f.severity().level().name().toLowerCase(Locale.ROOT),
              escape(f.status().key()), escape(String.join(", ", f.fixedVersions())), f.kev().isPresent() ? "yes" : "",
              escape(f.title().lines().findFirst().orElse(""))));
      w.println("</table>");
    });
  }
}
