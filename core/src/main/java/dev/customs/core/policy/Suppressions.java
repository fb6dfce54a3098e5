package dev.customs.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suppressions a pipeline gives for every policy: ignore files and VEX documents. Expired
 * ignore entries stop applying, and {@link Result#notes()} says so.
 */
public record Suppressions(List<IgnoreFile> ignoreFiles, List<VexDocument> vex) {
  public static final Suppressions NONE = new Suppressions(List.of(), List.of());

  public Suppressions {
    ignoreFiles = List.copyOf(ignoreFiles);
    vex = List.copyOf(vex);
  }

  /** What was kept, what was suppressed and why, and notes about entries that no longer apply. */
  public record Result(List<VulnerabilityView> kept, List<Suppression> suppressed, List<String> notes) {}

  public Result apply(List<VulnerabilityView> vulnerabilities, LocalDate today) {
    List<VulnerabilityView> kept = new ArrayList<>();
    List<Suppression> suppressed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (IgnoreFile file : ignoreFiles) {
      for (IgnoreEntry e : file.entries()) {
        if (e.expires().map(today::isAfter).orElse(false)) {
          notes.add(file.source() + ":" + e.line() + ": ignore entry " + e.id() + " expired on " + e.expires().get()
              + " and no longer applies");
        }
      }
    }
    for (VulnerabilityView v : vulnerabilities) {
      Optional<Suppression> s = ignored(v, today).or(() -> vexed(v));
      s.ifPresentOrElse(suppressed::add, () -> kept.add(v));
    }
    return new Result(kept, suppressed, notes);
  }

  private Optional<Suppression> ignored(VulnerabilityView v, LocalDate today) {
    for (IgnoreFile file : ignoreFiles) {
      for (IgnoreEntry e : file.entries()) {
        if (v.isNamed(e.id()) && !e.expires().map(today::isAfter).orElse(false)) {
          String reason = e.comment().isEmpty() ? "listed" : e.comment();
          return Optional.of(new Suppression(v, "ignorefile " + file.source() + ":" + e.line(),
              reason + e.expires().map(d -> " (until " + d + ")").orElse("")));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Suppression> vexed(VulnerabilityView v) {
    for (VexDocument doc : vex) {
      for (VexStatement s : doc.statements()) {
        if (s.covers(v)) {
          return Optional.of(new Suppression(v, "vex " + doc.source() + " (" + doc.format() + ")",
              s.status() + (s.justification().isEmpty() ? "" : ": " + s.justification())));
        }
      }
    }
    return Optional.empty();
  }
}
