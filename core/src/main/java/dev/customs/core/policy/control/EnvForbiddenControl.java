package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.Glob;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;

/**
 * Fails when the config sets an environment variable whose name matches a glob ({@code *_TOKEN}):
 * values baked into the config are readable by anyone who can pull the image.
 */
public record EnvForbiddenControl(List<Glob> names) implements Control {
  public static final String TYPE = "envForbidden";

  static EnvForbiddenControl read(SpecReader spec) {
    spec.require("names");
    return new EnvForbiddenControl(spec.strings("names").stream().map(Glob::of).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image sets an environment variable named like " + names + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> found = context.inventory().image().envNames().stream()
        .filter(n -> names.stream().anyMatch(g -> g.matches(n)))
        .map(n -> Offense.of("env", n)).toList();
    return ControlResult.failIfAny(found, found.size() + " forbidden environment variables",
        "no forbidden environment variable among " + context.inventory().image().envNames().size());
  }
}
