package dev.customs.core.report;

import java.util.List;
import java.util.Optional;

/** The built-in inventory formats. */
public final class SbomFormats {
  private static final List<SbomFormat> ALL = List.of(
      new InventoryTableFormat(), new InventoryJsonFormat(), new CycloneDxJsonFormat(), new SpdxJsonFormat());

  private SbomFormats() {}

  public static List<SbomFormat> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(SbomFormat::name).toList();
  }

  public static Optional<SbomFormat> byName(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
