package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;

/** Fails when the image has no HEALTHCHECK (or {@code HEALTHCHECK NONE}). */
public record HealthcheckControl() implements Control {
  public static final String TYPE = "healthcheck";

  static HealthcheckControl read(SpecReader spec) {
    return new HealthcheckControl();
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image defines no HEALTHCHECK.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    var test = context.inventory().image().healthcheck().orElse(List.of());
    if (test.isEmpty() || test.get(0).equals("NONE")) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("no healthcheck"),
          List.of(Offense.of("config", "no HEALTHCHECK in the image config")));
    }
    return ControlResult.pass("healthcheck " + String.join(" ", test));
  }
}
