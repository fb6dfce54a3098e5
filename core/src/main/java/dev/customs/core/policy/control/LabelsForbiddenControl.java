package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Map;

/** Fails when the image has a listed label (with a value matching its pattern, if given). */
public record LabelsForbiddenControl(List<LabelRule> labels) implements Control {
  public static final String TYPE = "labelsForbidden";

  static LabelsForbiddenControl read(SpecReader spec) {
    spec.require("labels");
    return new LabelsForbiddenControl(spec.objects("labels").stream().map(LabelRule::read).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image has a label "
        + String.join("; ", labels.stream().map(LabelRule::describe).toList()) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Map<String, String> actual = context.inventory().image().labels();
    List<Offense> found = labels.stream().filter(l -> l.matches(actual))
        .map(l -> Offense.of("label", l.name() + "=" + actual.get(l.name()))).toList();
    return ControlResult.failIfAny(found, found.size() + " forbidden labels", "no forbidden label");
  }
}
