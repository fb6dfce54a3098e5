package dev.customs.core.policy;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.policy.VulnerabilityView.FixStatus;
import dev.customs.core.vuln.model.SeverityLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Vulnerability views on real packages of the test images, as matching would report them: Log4Shell
 * in the app's log4j-core (its real advisory facts), and an invented unfixed MEDIUM in libc6 published
 * a few days before {@link #NOW_DATE}.
 */
final class SyntheticVulnerabilities {
  static final LocalDate NOW_DATE = LocalDate.of(2026, 12, 1);

  private SyntheticVulnerabilities() {}

  static VulnerabilityView log4shell(Inventory app) {
    InventoryPackage p = PolicyImages.pkg(app, "org.apache.logging.log4j:log4j-core");
    return view("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), p, SeverityLevel.CRITICAL, Optional.of(10.0),
        Optional.empty(), List.of("2.15.0"), FixStatus.FIXED, true, Optional.of(0.944), LocalDate.of(2021, 12, 10));
  }

  static VulnerabilityView libcMedium(Inventory image) {
    InventoryPackage p = PolicyImages.pkg(image, "libc6");
    return view("CVE-2026-0001", List.of(), p, SeverityLevel.MEDIUM, Optional.of(5.5), Optional.of(6.1), List.of(),
        FixStatus.UNFIXED, false, Optional.of(0.0004), NOW_DATE.minusDays(5));
  }

  /** For the app: both; for other Debian images: the libc6 one. */
  static List<VulnerabilityView> of(Inventory inventory) {
    List<VulnerabilityView> views = new ArrayList<>();
    if (inventory.packages().stream().anyMatch(p -> p.pkg().name().endsWith("log4j-core"))) {
      views.add(log4shell(inventory));
    }
    if (inventory.packages().stream().anyMatch(p -> p.pkg().name().equals("libc6"))) {
      views.add(libcMedium(inventory));
    }
    return views;
  }

  static VulnerabilityView view(String id, List<String> aliases, InventoryPackage p, SeverityLevel severity,
      Optional<Double> cvss3, Optional<Double> cvss4, List<String> fixed, FixStatus status, boolean kev,
      Optional<Double> epss, LocalDate published) {
    return new VulnerabilityView(id, aliases, p.pkg().name(), p.pkg().ecosystem(), p.pkg().version(), p.purl(),
        Optional.of(p.layerDiffId()), severity, cvss3, cvss4, fixed, status, kev, epss, Optional.of(published),
        Optional.empty());
  }
}
