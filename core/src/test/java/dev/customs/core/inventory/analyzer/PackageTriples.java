package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Packages as {@code ecosystem<TAB>name<TAB>version} lines, the form of the fixtures' expected.tsv. */
public final class PackageTriples {
  private PackageTriples() {}

  public static String of(Package pkg) {
    return pkg.ecosystem().purlType() + "\t" + pkg.name() + "\t" + pkg.version();
  }

  /** The lines of an expected.tsv, with the ecosystem lower-cased ({@code PyPI} → {@code pypi}), sorted. */
  public static List<String> read(Path expectedTsv) throws IOException {
    return Files.readAllLines(expectedTsv).stream()
        .filter(line -> !line.isBlank())
        .map(line -> {
          int tab = line.indexOf('\t');
          return line.substring(0, tab).toLowerCase(Locale.ROOT) + line.substring(tab);
        })
        .sorted()
        .toList();
  }
}
