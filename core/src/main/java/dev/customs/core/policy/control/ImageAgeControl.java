package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fails when the image was built more than {@code maxDays} days ago: old images miss the fixes of
 * their base image. An image with no creation date cannot be judged (an error).
 */
public record ImageAgeControl(long maxDays) implements Control {
  public static final String TYPE = "imageAge";

  static ImageAgeControl read(SpecReader spec) {
    spec.require("maxDays");
    return new ImageAgeControl(spec.whole("maxDays", 0).orElse(0L));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image was built more than " + maxDays + " days ago.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Optional<Instant> created = context.inventory().image().created();
    if (created.isEmpty()) {
      return ControlResult.error("the image config has no creation date");
    }
    long days = Duration.between(created.get(), context.now()).toDays();
    if (days > maxDays) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("built " + days + " days ago"),
          List.of(Offense.of("config", "created " + created.get())));
    }
    return ControlResult.pass("built " + days + " days ago");
  }
}
