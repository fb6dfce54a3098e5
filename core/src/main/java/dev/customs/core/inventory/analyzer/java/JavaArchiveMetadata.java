package dev.customs.core.inventory.analyzer.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What one archive says about itself, read from its entries (not from nested archives).
 *
 * @param poms the coordinates of every {@code META-INF/maven/**}{@code /pom.properties}
 * @param manifest the main attributes of {@code META-INF/MANIFEST.MF}, when present
 * @param classPackage the package every class of the archive lives in or below, as segments
 *     ({@code [org, springframework]}); empty when there is none
 * @param nestedArchives the entries of archives inside this one
 */
record JavaArchiveMetadata(List<PomProperties> poms, Optional<Attributes> manifest,
    List<String> classPackage, List<ZipArchiveEntry> nestedArchives) {

  /** Reads the metadata entries; a single unreadable entry is reported and skipped. */
  static JavaArchiveMetadata read(ZipFile zip, ArchiveBudget budget, Consumer<String> problems)
      throws IOException {
    List<PomProperties> poms = new ArrayList<>();
    Optional<Attributes> manifest = Optional.empty();
    PackagePrefix classPackage = new PackagePrefix();
    List<ZipArchiveEntry> nested = new ArrayList<>();
    for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
      String name = entry.getName();
      if (entry.isDirectory()) {
        continue;
      }
      if (isPomProperties(name)) {
        readText(zip, entry, budget, problems).flatMap(text -> parsePom(name, text, problems))
            .ifPresent(poms::add);
      } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
        manifest = readText(zip, entry, budget, problems).flatMap(text -> parseManifest(text, problems));
      } else if (name.endsWith(".class")) {
        classPackage.add(name);
      } else if (JavaArchiveAnalyzer.isArchiveName(name)) {
        nested.add(entry);
      }
    }
    return new JavaArchiveMetadata(List.copyOf(poms), manifest, classPackage.segments(), List.copyOf(nested));
  }

  private static boolean isPomProperties(String name) {
    return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
  }

  private static Optional<String> readText(ZipFile zip, ZipArchiveEntry entry, ArchiveBudget budget,
      Consumer<String> problems) throws IOException {
    if (!zip.canReadEntryData(entry)) {
      problems.accept(entry.getName() + ": unsupported compression or encryption");
      return Optional.empty();
    }
    return Optional.of(new String(budget.read(zip, entry, ArchiveBudget.MAX_METADATA_BYTES), StandardCharsets.UTF_8));
  }

  private static Optional<PomProperties> parsePom(String name, String text, Consumer<String> problems) {
    try {
      return PomProperties.parse(text);
    } catch (IOException e) {
      problems.accept(name + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Attributes> parseManifest(String text, Consumer<String> problems) {
    try {
      Manifest manifest = new Manifest(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return Optional.of(manifest.getMainAttributes());
    } catch (IOException | RuntimeException e) {
      // java.util.jar.Manifest signals some malformed headers with unchecked exceptions.
      problems.accept("META-INF/MANIFEST.MF: malformed manifest: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The longest package prefix shared by all classes outside {@code META-INF/} and launcher dirs. */
  private static final class PackagePrefix {
    private List<String> common;

    void add(String classEntry) {
      String upper = classEntry.toUpperCase(Locale.ROOT);
      if (upper.startsWith("META-INF/") || upper.startsWith("BOOT-INF/") || upper.startsWith("WEB-INF/")) {
        return;
      }
      List<String> segments = List.of(classEntry.split("/"));
      List<String> dirs = segments.subList(0, segments.size() - 1);
      if (common == null) {
        common = dirs;
        return;
      }
      int same = 0;
      while (same < common.size() && same < dirs.size() && common.get(same).equals(dirs.get(same))) {
        same++;
      }
      common = common.subList(0, same);
    }

    List<String> segments() {
      return common == null ? List.of() : List.copyOf(common);
    }
  }
}
