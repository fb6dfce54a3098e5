package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Map;

/** Fails unless the image has each listed label (with a value matching its pattern, if given). */
public record LabelsRequiredControl(List<LabelRule> labels) implements Control {
  public static final String TYPE = "labelsRequired";

  static LabelsRequiredControl read(SpecReader spec) {
    spec.require("labels");
    return new LabelsRequiredControl(spec.objects("labels").stream().map(LabelRule::read).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails unless the image has the labels "
        + String.join("; ", labels.stream().map(LabelRule::describe).toList()) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Map<String, String> actual = context.inventory().image().labels();
    List<Offense> missing = labels.stream().filter(l -> !l.matches(actual))
        .map(l -> Offense.of("label", l.describe() + (actual.containsKey(l.name())
            ? ": value is \"" + actual.get(l.name()) + "\"" : ": missing")))
        .toList();
    return ControlResult.failIfAny(missing, missing.size() + " required labels missing or wrong",
        "all " + labels.size() + " required labels present");
  }
}
