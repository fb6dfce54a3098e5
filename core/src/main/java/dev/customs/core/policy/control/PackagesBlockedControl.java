package dev.customs.core.policy.control;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import dev.customs.core.vuln.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;

/** Fails when a listed package is installed, optionally only in a version range. */
public record PackagesBlockedControl(List<PackageSelector> packages) implements Control {
  public static final String TYPE = "packagesBlocked";

  static PackagesBlockedControl read(SpecReader spec) {
    spec.require("packages");
    return new PackagesBlockedControl(spec.objects("packages").stream().map(PackageSelector::read).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when any of these packages is installed: "
        + String.join("; ", packages.stream().map(PackageSelector::describe).toList()) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (InventoryPackage p : context.inventory().packages()) {
      for (PackageSelector selector : packages) {
        try {
          if (selector.selects(p)) {
            offenses.add(PackageOffenses.of(p, "matches " + selector.describe()));
          }
        } catch (InvalidVersionException e) {
          unreadable.add(p.pkg().name() + " " + p.pkg().version() + ": " + e.getMessage());
        }
      }
    }
    if (offenses.isEmpty() && !unreadable.isEmpty()) {
      return ControlResult.error("versions that could not be compared: " + String.join("; ", unreadable));
    }
    return ControlResult.failIfAny(offenses, offenses.size() + " blocked packages installed",
        "none of the " + context.inventory().packages().size() + " packages is blocked");
  }
}
