package dev.customs.core.inventory.analyzer.python;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;

/**
 * Installed Python distributions: {@code *.dist-info/METADATA} (wheels, pip), {@code
 * *.egg-info/PKG-INFO} and {@code EGG-INFO/PKG-INFO} (setuptools), and the single-file {@code
 * *.egg-info} that distutils and Debian's packages install. The name is reported as declared.
 */
public final class PythonPackageAnalyzer implements PackageAnalyzer {
  @Override
  public String name() {
    return "python";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    String path = entry.path();
    return entry.isFile()
        && (path.endsWith(".dist-info/METADATA")
            || path.endsWith(".egg-info/PKG-INFO")
            || path.endsWith("/EGG-INFO/PKG-INFO")
            || entry.fileName().endsWith(".egg-info"));
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    CoreMetadata metadata;
    try {
      metadata = CoreMetadata.parse(input.text());
    } catch (IOException e) {
      sink.problem(input.path() + ": malformed Python package metadata: " + e.getMessage());
      return;
    }
    String name = metadata.first("Name");
    String version = metadata.first("Version");
    if (name.isEmpty() || version.isEmpty()) {
      sink.problem(input.path() + ": Python package metadata without Name or Version header");
      return;
    }
    sink.addPackage(Package.of(Ecosystem.PYPI, name, version, input.path()).withLicenses(PythonLicenses.of(metadata)));
  }
}
