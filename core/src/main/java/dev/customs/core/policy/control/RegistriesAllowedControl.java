package dev.customs.core.policy.control;

import dev.customs.core.image.ImageRef;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.Glob;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Optional;

/** Fails unless the image comes from an allowed registry (host globs, e.g. {@code *.corp.example}). */
public record RegistriesAllowedControl(List<Glob> registries) implements Control {
  public static final String TYPE = "registriesAllowed";

  static RegistriesAllowedControl read(SpecReader spec) {
    spec.require("registries");
    return new RegistriesAllowedControl(spec.strings("registries").stream().map(Glob::of).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails unless the image comes from one of the registries " + registries + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Optional<ImageRef> ref = context.reference();
    if (ref.isEmpty()) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("the image has no registry reference"),
          List.of(Offense.of("reference", context.inventory().image().name())));
    }
    String registry = ref.get().registry();
    if (registries.stream().anyMatch(g -> g.matches(registry))) {
      return ControlResult.pass("registry " + registry + " is allowed");
    }
    return new ControlResult(ControlResult.Outcome.FAIL, List.of("registry " + registry + " is not allowed"),
        List.of(Offense.of("reference", ref.get().toString())));
  }
}
