package dev.customs.core.policy.control;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.Offense;

/** How package controls name an offending package: name, version, why, and where it was found. */
final class PackageOffenses {
  private PackageOffenses() {}

  static Offense of(InventoryPackage p, String why) {
    String where = String.join(", ", p.pkg().paths()) + " in layer " + p.layerDiffId().shortHex();
    return new Offense("package", p.pkg().name() + " " + p.pkg().version() + ": " + why, where);
  }
}
