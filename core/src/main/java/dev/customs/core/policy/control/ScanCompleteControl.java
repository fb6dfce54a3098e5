package dev.customs.core.policy.control;

import dev.customs.core.inventory.AnalysisProblem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fails when the scan may have missed something: an analyzer could not read a file or layer, or the
 * image's distro has no advisories in the vulnerability data (so its OS packages were not judged).
 */
public record ScanCompleteControl() implements Control {
  public static final String TYPE = "scanComplete";

  static ScanCompleteControl read(SpecReader spec) {
    return new ScanCompleteControl();
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the scan is incomplete: a file or layer could not be analyzed, "
        + "or the vulnerability data does not cover the image's distro.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    for (AnalysisProblem p : context.inventory().problems()) {
      String where = (p.path().isEmpty() ? "" : "/" + p.path()) + (p.layer().isEmpty() ? "" : " in layer " + p.layer());
      offenses.add(new Offense("problem", p.reason(), where.strip()));
    }
    Optional<OsRelease> os = context.inventory().os();
    List<String> reasons = new ArrayList<>();
    context.vulnData().filter(d -> !d.distroFamilies().isEmpty()).ifPresent(data -> {
      if (os.isPresent() && !data.distroFamilies().contains(os.get().family())) {
        offenses.add(Offense.of("distro", os.get().prettyName() + " (" + os.get().family()
            + ") is not covered by the vulnerability data"));
      }
    });
    if (context.vulnData().isEmpty()) {
      reasons.add("distro coverage not judged: no vulnerability database was used");
    }
    if (offenses.isEmpty()) {
      reasons.add(0, "every layer and file was analyzed");
      return new ControlResult(ControlResult.Outcome.PASS, reasons, List.of());
    }
    reasons.add(0, "the scan is incomplete");
    return new ControlResult(ControlResult.Outcome.FAIL, reasons, offenses);
  }
}
