package dev.customs.core.policy.control;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import dev.customs.core.vuln.version.InvalidVersionException;
import java.util.List;

/** Fails when a listed package (optionally in a version range) is not installed. */
public record PackagesRequiredControl(List<PackageSelector> packages) implements Control {
  public static final String TYPE = "packagesRequired";

  static PackagesRequiredControl read(SpecReader spec) {
    spec.require("packages");
    return new PackagesRequiredControl(spec.objects("packages").stream().map(PackageSelector::read).toList());
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails unless all of these packages are installed: "
        + String.join("; ", packages.stream().map(PackageSelector::describe).toList()) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> missing = packages.stream()
        .filter(s -> context.inventory().packages().stream().noneMatch(p -> selectsQuietly(s, p)))
        .map(s -> Offense.of("package", "missing " + s.describe()))
        .toList();
    return ControlResult.failIfAny(missing, missing.size() + " required packages missing",
        "all " + packages.size() + " required packages are installed");
  }

  /** A version the scheme cannot read does not satisfy a requirement. */
  private static boolean selectsQuietly(PackageSelector s, InventoryPackage p) {
    try {
      return s.selects(p);
    } catch (InvalidVersionException e) {
      return false;
    }
  }
}
