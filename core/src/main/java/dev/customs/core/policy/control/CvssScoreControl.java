package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.VulnerabilityView;
import dev.customs.core.policy.document.SpecReader;
import java.util.Locale;
import java.util.Optional;

/** Fails on vulnerabilities whose CVSS base score reaches {@code minScore} in CVSS {@code version}. */
public record CvssScoreControl(double minScore, CvssVersion version, VulnerabilityFilter filter) implements Control {
  public static final String TYPE = "cvssScore";

  /** Which score counts: v3, v4, or the highest of both. */
  public enum CvssVersion { V3, V4, ANY }

  static CvssScoreControl read(SpecReader spec) {
    spec.require("minScore");
    double min = spec.number("minScore", 0, 10).orElse(10.0);
    return new CvssScoreControl(min, spec.choice("version", CvssVersion.class).orElse(CvssVersion.ANY),
        VulnerabilityFilter.read(spec));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    String which = version == CvssVersion.ANY ? "CVSS v3 or v4" : "CVSS " + version.name().toLowerCase(Locale.ROOT);
    return "Fails when a vulnerability has a " + which + " base score of " + minScore + " or more" + filter.describe()
        + ". Vulnerabilities without such a score do not count.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    return VulnerabilityChecks.evaluate(context, filter, v -> score(v).map(s -> s >= minScore).orElse(false),
        "vulnerabilities with a CVSS score of " + minScore + " or more");
  }

  private Optional<Double> score(VulnerabilityView v) {
    return switch (version) {
      case V3 -> v.cvssV3();
      case V4 -> v.cvssV4();
      case ANY -> v.cvssV3().map(s3 -> Math.max(s3, v.cvssV4().orElse(0.0))).or(v::cvssV4);
    };
  }
}
