package dev.customs.core.policy.control;

import dev.customs.core.inventory.AnalysisProblem;
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
 * image's distro has no advisories in the vulnerability data (so its OS packages were not judged), or
 * matching could not compare an advisory with a package.
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
        + "the vulnerability data does not cover the image's distro, or matching could not compare an advisory.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    for (AnalysisProblem p : context.inventory().problems()) {
      String where = (p.path().isEmpty() ? "" : "/" + p.path()) + (p.layer().isEmpty() ? "" : " in layer " + p.layer());
      offenses.add(new Offense("problem", p.reason(), where.strip()));
    }
    List<String> reasons = new ArrayList<>();
    context.vulnData().ifPresentOrElse(data -> {
      if (data.distroCovered().equals(Optional.of(false))) {
        String os = context.inventory().os().map(o -> o.prettyName() + " (" + o.family() + " " + o.version() + ")")
            .orElse("the image's distro");
        offenses.add(Offense.of("distro",
            os + " is not covered by the vulnerability data: its OS packages were not checked"));
      }
      data.matchProblems().forEach(p -> offenses.add(Offense.of("matching", p)));
    }, () -> reasons.add("distro coverage not judged: no vulnerability database was used"));
    if (offenses.isEmpty()) {
      reasons.add(0, "every layer and file was analyzed");
      return new ControlResult(ControlResult.Outcome.PASS, reasons, List.of());
    }
    reasons.add(0, "the scan is incomplete");
    return new ControlResult(ControlResult.Outcome.FAIL, reasons, offenses);
  }
}
