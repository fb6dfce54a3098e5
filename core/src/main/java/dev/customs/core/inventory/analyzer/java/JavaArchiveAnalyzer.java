package dev.customs.core.inventory.analyzer.java;

import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.Locale;
import java.util.Set;

/**
 * Java archives (jar, war, ear and the par/sar/jpi/hpi variants) at any nesting depth: Spring Boot
 * {@code BOOT-INF/lib}, {@code WEB-INF/lib}, ear modules. Each archive is identified by its
 * {@code META-INF/maven/**}{@code /pom.properties}, else its manifest, else its file name; the
 * property {@code identified-by} says which, {@code sha1} is the archive's digest.
 */
public final class JavaArchiveAnalyzer implements PackageAnalyzer {
  private static final Set<String> EXTENSIONS = Set.of("jar", "war", "ear", "par", "sar", "jpi", "hpi");

  @Override
  public String name() {
    return "java-archive";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && isArchiveName(entry.fileName());
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    new JavaArchiveWalker(sink).walk(input.path(), input.content(), 0);
  }

  static boolean isArchiveName(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
