package dev.customs.core.policy.control;

import dev.customs.core.inventory.InventorySecret;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import dev.customs.core.vuln.model.SeverityLevel;
import java.util.List;

/** Fails when a secret (key, token, password) is found in the image, at or above {@code minSeverity}. */
public record SecretsControl(SeverityThresholdControl.Threshold minSeverity) implements Control {
  public static final String TYPE = "secrets";

  static SecretsControl read(SpecReader spec) {
    return new SecretsControl(spec.choice("minSeverity", SeverityThresholdControl.Threshold.class)
        .orElse(SeverityThresholdControl.Threshold.LOW));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when a secret of severity " + minSeverity + " or higher is found in a file of the image.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    SeverityLevel min = SeverityLevel.valueOf(minSeverity.name());
    List<Offense> offenses = context.inventory().secrets().stream()
        .filter(s -> SeverityLevel.parse(s.finding().severity()).compareTo(min) >= 0)
        .map(SecretsControl::offense).toList();
    return ControlResult.failIfAny(offenses, offenses.size() + " secrets found", "no secrets found");
  }

  private static Offense offense(InventorySecret secret) {
    SecretFinding f = secret.finding();
    return new Offense("secret", f.ruleId() + " (" + f.severity() + ") " + f.redacted(),
        "/" + f.path() + ":" + f.line() + " in layer " + secret.layerDiffId().shortHex());
  }
}
