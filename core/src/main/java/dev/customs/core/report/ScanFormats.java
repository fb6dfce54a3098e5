package dev.customs.core.report;

import java.util.List;
import java.util.Optional;

/** The built-in scan report formats. */
public final class ScanFormats {
  private static final List<ScanFormat> ALL = List.of(
      new ScanTableFormat(), new ScanJsonFormat(), new VulnerabilityCycloneDxFormat(), new SarifFormat(),
      new JUnitXmlFormat(), new GitLabContainerScanningFormat(), new HtmlReportFormat());

  private ScanFormats() {}

  public static List<String> names() {
    return ALL.stream().map(ScanFormat::name).toList();
  }

  public static Optional<ScanFormat> byName(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
