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
 * Fails when a package declares a blocked license ({@code licenses: [AGPL-*, SSPL-1.0]}), even as
 * one alternative of an OR expression: the package's author offers it under that license.
 */
public record LicensesBlockedControl(List<Glob> licenses) implements Control {
  public static final String TYPE = "licensesBlocked";

  static LicensesBlockedControl read(SpecReader spec) {
    spec.require("licenses");
    return new LicensesBlockedControl(spec.strings("licenses").stream().map(Glob::of).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when a package declares any of these licenses: " + licenses + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    for (InventoryPackage p : context.inventory().packages()) {
      List<String> blocked = p.pkg().licenses().stream().flatMap(l -> LicenseExpressions.ids(l).stream())
          .filter(id -> LicenseExpressions.matchesAny(id, licenses)).distinct().toList();
      if (!blocked.isEmpty()) {
        offenses.add(PackageOffenses.of(p, "license " + String.join(", ", blocked)));
      }
    }
    return ControlResult.failIfAny(offenses, offenses.size() + " packages with a blocked license",
        "no package declares a blocked license");
  }
}
