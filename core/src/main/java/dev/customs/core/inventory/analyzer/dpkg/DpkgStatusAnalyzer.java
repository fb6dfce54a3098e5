package dev.customs.core.inventory.analyzer.dpkg;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed Debian packages from dpkg's database: {@code var/lib/dpkg/status}, and the
 * {@code var/lib/dpkg/status.d/<package>} files of distroless images, which hold each package's
 * control paragraph without a {@code Status:} field, meaning installed (their {@code .md5sums}
 * siblings are skipped; a {@code Status:} there, should a tool write one, is honoured).
 *
 * <p>Which paragraphs count: {@code Status:} is "want flag state". The <em>want</em> word is only
 * the administrator's selection ({@code deinstall} means "remove when next asked"), so it is not
 * what decides; the <em>state</em> word is. A package counts when its files are on disk:
 * {@code installed}, {@code unpacked}, {@code half-configured}, {@code triggers-awaited},
 * {@code triggers-pending}. It does not when they are not, or only partly: {@code not-installed},
 * {@code config-files} (removed, configuration kept), {@code half-installed} (an install or removal
 * that broke off).
 */
public final class DpkgStatusAnalyzer implements PackageAnalyzer {
  private static final String STATUS = "var/lib/dpkg/status";
  private static final String STATUS_DIR = "var/lib/dpkg/status.d/";
  private static final Set<String> FILES_PRESENT =
      Set.of("installed", "unpacked", "half-configured", "triggers-awaited", "triggers-pending");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** {@code Source: name} or {@code Source: name (version)}. */
  private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s+\\((\\S+)\\))?");

  @Override
  public String name() {
    return "dpkg";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    String path = entry.path();
    boolean statusDirEntry = path.startsWith(STATUS_DIR) && path.indexOf('/', STATUS_DIR.length()) < 0;
    return path.equals(STATUS) || (statusDirEntry && !path.endsWith(".md5sums"));
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    boolean distroless = input.path().startsWith(STATUS_DIR);
    for (DebControlParagraph paragraph : DebControlParser.parse(input.text(), sink::problem)) {
      if (paragraph.get("Package").isBlank()) {
        sink.problem("paragraph at line " + paragraph.line() + " has no Package field");
      } else if ((distroless && paragraph.get("Status").isEmpty()) || isInstalled(paragraph, sink)) {
        toPackage(paragraph, input.path(), sink);
      }
    }
  }

  private static boolean isInstalled(DebControlParagraph paragraph, AnalysisSink sink) {
    String[] status = WHITESPACE.split(paragraph.get("Status").strip());
    if (status.length != 3) {
      // dpkg itself treats a paragraph without a valid Status as not installed.
      sink.problem("package " + paragraph.get("Package") + " has no valid Status field ('"
          + paragraph.get("Status") + "'); taken as not installed");
      return false;
    }
    return FILES_PRESENT.contains(status[2]);
  }

  private static void toPackage(DebControlParagraph paragraph, String path, AnalysisSink sink) {
    String name = paragraph.get("Package");
    String version = paragraph.get("Version");
    if (version.isEmpty()) {
      sink.problem("package " + name + " has no Version field");
      return;
    }
    String sourceName = name;
    String sourceVersion = version;
    Matcher source = SOURCE.matcher(paragraph.get("Source"));
    if (source.matches()) {
      sourceName = source.group(1);
      if (source.group(2) != null) {
        sourceVersion = source.group(2);
      }
    }
    Package pkg = Package.of(Ecosystem.DEB, name, version, path)
        .withArch(paragraph.get("Architecture"))
        .withSource(sourceName, sourceVersion);
    String maintainer = paragraph.get("Maintainer");
    sink.addPackage(maintainer.isEmpty() ? pkg : pkg.withProperties(Map.of("maintainer", maintainer)));
  }
}
