package dev.customs.core.policy.control;

import dev.customs.core.image.ImageRef;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Optional;

/** Fails when the image is referred to by the {@code latest} tag, which moves and cannot be audited. */
public record LatestTagControl() implements Control {
  public static final String TYPE = "latestTag";

  static LatestTagControl read(SpecReader spec) {
    return new LatestTagControl();
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image is tagged latest.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Optional<ImageRef> ref = context.reference();
    if (ref.isEmpty()) {
      return ControlResult.pass("the image has no registry reference");
    }
    if (ref.get().tag().map("latest"::equals).orElse(false)) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("tagged latest"),
          List.of(Offense.of("reference", ref.get().toString())));
    }
    return ControlResult.pass("reference " + ref.get());
  }
}
