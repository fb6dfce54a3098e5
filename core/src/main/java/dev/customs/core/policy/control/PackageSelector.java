package dev.customs.core.policy.control;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.Glob;
import dev.customs.core.policy.document.SpecReader;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Selects packages by name (a glob), ecosystem, and a version range written as comparisons joined by
 * commas ({@code ">=2.0.0, <2.17.1"}), each compared in the ecosystem's own version scheme. With an
 * ecosystem, the range's versions are checked when the policy is read.
 */
public record PackageSelector(Glob name, Optional<Ecosystem> ecosystem, List<Comparison> versions) {
  private static final Pattern COMPARISON = Pattern.compile("\\s*(<=|>=|<|>|=|!=)\\s*(\\S+)\\s*");

  /** One comparison of a range. */
  public record Comparison(String operator, String version) {
    boolean holds(int order) {
      return switch (operator) {
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        case ">=" -> order >= 0;
        case "!=" -> order != 0;
        default -> order == 0;
      };
    }
  }

  static PackageSelector read(SpecReader spec) {
    String name = spec.requiredString("name");
    Optional<Ecosystem> ecosystem = spec.choice("ecosystem", Ecosystem.class);
    List<Comparison> comparisons = new ArrayList<>();
    for (String part : spec.string("versions").map(v -> v.split(",")).orElse(new String[0])) {
      Matcher m = COMPARISON.matcher(part);
      if (m.matches() && ecosystem.map(e -> !VersionSchemes.forEcosystem(e).isValid(m.group(2))).orElse(false)) {
        String scheme = ecosystem.get().name().toLowerCase(Locale.ROOT);
        spec.problem("versions", "not a " + scheme + " version: " + m.group(2));
      } else if (m.matches()) {
        comparisons.add(new Comparison(m.group(1), m.group(2)));
      } else {
        spec.problem("versions", "expected comparisons like \">=1.0, <2.0\", was \"" + part.strip() + "\"");
      }
    }
    spec.finish();
    return new PackageSelector(Glob.of(name), ecosystem, comparisons);
  }

  /**
   * Whether the package is selected.
   *
   * @throws dev.customs.core.vuln.version.InvalidVersionException when a range is given and the
   *     scheme cannot read the version: the control reports it rather than guess
   */
  public boolean selects(InventoryPackage p) {
    if (!name.matches(p.pkg().name()) || ecosystem.map(e -> e != p.pkg().ecosystem()).orElse(false)) {
      return false;
    }
    var scheme = VersionSchemes.forEcosystem(p.pkg().ecosystem());
    for (Comparison c : versions) {
      if (!c.holds(scheme.compare(p.pkg().version(), c.version()))) {
        return false;
      }
    }
    return true;
  }

  public String describe() {
    String range = versions.isEmpty() ? "" : " "
        + String.join(", ", versions.stream().map(c -> c.operator() + c.version()).toList());
    return name + range + ecosystem.map(e -> " (" + e.name().toLowerCase(Locale.ROOT) + ")").orElse("");
  }
}
