package dev.customs.core.inventory;

import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An analyzer driven by the content of the files it wants (files whose name ends with its suffix).
 * Each line is one report: {@code pkg ECOSYSTEM name version}, {@code os family version [pretty name]},
 * {@code license ECOSYSTEM name LICENSE TEXT}, {@code secret rule}, {@code problem reason}, or {@code throw}.
 */
public final class FakeAnalyzer implements PackageAnalyzer {
  private final String name;
  private final int version;
  private final String suffix;
  private final AtomicInteger calls = new AtomicInteger();

  public FakeAnalyzer(String name, int version, String suffix) {
    this.name = name;
    this.version = version;
    this.suffix = suffix;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.path().endsWith(suffix);
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    calls.incrementAndGet();
    for (String line : input.text().split("\n")) {
      String[] f = line.trim().split(" ");
      switch (f[0]) {
        case "pkg" -> sink.addPackage(Package.of(Ecosystem.valueOf(f[1]), f[2], f[3], input.path()).withArch("amd64"));
        case "os" -> sink.setOsRelease(new OsRelease(f[1], f[2], f.length > 3 ? line.substring(line.indexOf(f[3])) : ""));
        case "license" -> sink.addPackageLicenses(Ecosystem.valueOf(f[1]), f[2],
            List.of(line.trim().substring(line.trim().indexOf(f[3], f[0].length() + f[1].length() + f[2].length()))));
        case "secret" -> sink.addSecret(new SecretFinding(f[1], "test", "HIGH", "a secret", input.path(), 1, "AK**"));
        case "problem" -> sink.problem(line.substring("problem ".length()));
        case "throw" -> throw new IllegalStateException("boom in " + input.path());
        default -> { }
      }
    }
  }
}
