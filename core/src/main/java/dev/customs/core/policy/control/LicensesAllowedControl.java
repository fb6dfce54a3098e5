package dev.customs.core.policy.control;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.Glob;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails when a package's license is not on the allowed list. An OR expression is fine when one
 * alternative is allowed. Packages that declare no license fail only with {@code failOnUnknown}.
 */
public record LicensesAllowedControl(List<Glob> licenses, boolean failOnUnknown) implements Control {
  public static final String TYPE = "licensesAllowed";

  static LicensesAllowedControl read(SpecReader spec) {
    spec.require("licenses");
    return new LicensesAllowedControl(spec.strings("licenses").stream().map(Glob::of).toList(),
        spec.bool("failOnUnknown", false));
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when a package declares a license other than " + licenses
        + (failOnUnknown ? ", or declares none." : " (packages that declare none are not judged).");
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    int unknown = 0;
    for (InventoryPackage p : context.inventory().packages()) {
      List<String> declared = p.pkg().licenses();
      if (declared.isEmpty()) {
        unknown++;
        if (failOnUnknown) {
          offenses.add(PackageOffenses.of(p, "no license declared"));
        }
      } else {
        List<String> refused = declared.stream().filter(l -> !LicenseExpressions.satisfiable(l, licenses)).toList();
        if (!refused.isEmpty()) {
          offenses.add(PackageOffenses.of(p, "license " + String.join(", ", refused) + " not allowed"));
        }
      }
    }
    return ControlResult.failIfAny(offenses, offenses.size() + " packages with a license that is not allowed",
        "every declared license is allowed (" + unknown + " packages declare none)");
  }
}
