package dev.customs.core.vuln.model;

import java.util.Locale;

/**
 * Package-name normalization shared by the bundle builder and the query side, so that a name is
 * looked up exactly as it was stored.
 */
public final class PackageNames {
  private PackageNames() {}

  /**
   * The normal form of a package name in an ecosystem (see {@link EcosystemKeys}):
   * <ul>
   *   <li>{@code pypi}: PEP 503 ({@code Django_Rest.Framework} → {@code django-rest-framework})</li>
   *   <li>{@code npm}, {@code nuget}, {@code composer}, {@code cargo}: lower case (their registries
   *       compare names case-insensitively; npm forbids new upper-case names)</li>
   *   <li>{@code maven}: {@code group:artifact} as written (Maven coordinates are case-sensitive)</li>
   *   <li>{@code go}: the module path as written; the standard library is {@code stdlib}</li>
   *   <li>distros and {@code gem}: as written</li>
   * </ul>
   */
  public static String normalize(String ecosystemKey, String name) {
    String n = name.strip();
    return switch (ecosystemKey) {
      case "pypi" -> n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
      case "npm", "nuget", "composer", "cargo" -> n.toLowerCase(Locale.ROOT);
      default -> n;
    };
  }
}
