package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.VulnDataFacts;
import dev.customs.core.policy.document.SpecReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fails when the vulnerability database was built more than {@code maxDays} days ago. */
public record VulnDataAgeControl(long maxDays) implements Control {
  public static final String TYPE = "vulnDataAge";

  static VulnDataAgeControl read(SpecReader spec) {
    spec.require("maxDays");
    return new VulnDataAgeControl(spec.whole("maxDays", 0).orElse(0L));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the vulnerability data is more than " + maxDays
        + " days old: a stale database misses new vulnerabilities.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Optional<VulnDataFacts> data = context.vulnData();
    if (data.isEmpty()) {
      return ControlResult.error("no vulnerability database was used");
    }
    long days = Duration.between(data.get().builtAt(), context.now()).toDays();
    if (days > maxDays) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("vulnerability data is " + days + " days old"),
          List.of(Offense.of("database", "built " + data.get().builtAt())));
    }
    return ControlResult.pass("vulnerability data is " + days + " days old");
  }
}
