package dev.customs.core.inventory.analyzer.dpkg;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Licenses of Debian packages from {@code usr/share/doc/<package>/copyright}, reported for the package
 * named by the directory. A machine-readable file (DEP-5: the first field is {@code Format:}) yields
 * the short names of all its {@code License:} fields, expressions split at "or", "and" and commas.
 * Any other file yields the {@code /usr/share/common-licenses/<name>} texts it refers to, "or later"
 * when it says "any later version". Names are turned into SPDX identifiers where one corresponds.
 */
public final class DpkgCopyrightAnalyzer implements PackageAnalyzer {
  private static final Pattern COPYRIGHT = Pattern.compile("usr/share/doc/([^/]+)/copyright");
  private static final Pattern FORMAT = Pattern.compile("(?i)\\A\\s*Format(?:-Specification)?\\s*:");
  private static final Pattern LICENSE_FIELD = Pattern.compile("(?im)^License\\s*:[ \\t]*(\\S[^\\r\\n]*)");
  /** "A or B", "A and B", "A, and B": DEP-5's list forms ("and/or" is left whole, as DEP-5 does not define it). */
  private static final Pattern EXPRESSION_SPLIT =
      Pattern.compile("\\s*,\\s*(?:(?:or|and)\\s+)?|\\s+(?:or|and)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMON_LICENSE =
      Pattern.compile("/usr/share/common-licenses/([A-Za-z0-9.+-]*[A-Za-z0-9+])");
  private static final Pattern LATER = Pattern.compile("(?i)any\\s+later\\s+version");
  /** Debian's unversioned common-licenses files are symlinks to these versions (base-files 12). */
  private static final Map<String, String> UNVERSIONED =
      Map.of("GPL", "GPL-3", "LGPL", "LGPL-3", "GFDL", "GFDL-1.3");
  private static final Set<String> LATER_CAPABLE = Set.of("GPL-1", "GPL-2", "GPL-3", "LGPL-2", "LGPL-2.1",
      "LGPL-3", "GFDL-1.2", "GFDL-1.3");

  @Override
  public String name() {
    return "dpkg-copyright";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return COPYRIGHT.matcher(entry.path()).matches();
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    Matcher path = COPYRIGHT.matcher(input.path());
    if (!path.matches()) {
      return;
    }
    String text = input.text();
    List<String> licenses = FORMAT.matcher(text).lookingAt() ? machineReadable(text) : commonLicenses(text);
    if (!licenses.isEmpty()) {
      sink.addPackageLicenses(Ecosystem.DEB, path.group(1), licenses);
    }
  }

  /**
   * The names of every {@code License:} field. The same matches as {@code LICENSE_FIELD.find()} in a
   * loop, but the pattern is only tried at line starts that begin with an L: a search tries it at
   * every character, which made this a quarter of reading the Debian base layer.
   */
  private static List<String> machineReadable(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher field = LICENSE_FIELD.matcher(text);
    int searchFrom = 0;
    for (int line = 0; line < text.length(); line = nextLineStart(text, line)) {
      char first = text.charAt(line);
      if (line < searchFrom || (first != 'L' && first != 'l')) {
        continue;
      }
      field.region(line, text.length()); // anchoring bounds: ^ matches at the region's start
      if (field.lookingAt()) {
        searchFrom = field.end();
        for (String name : EXPRESSION_SPLIT.split(field.group(1).strip())) {
          if (!name.isBlank()) {
            names.add(DebianLicenseNames.toSpdx(name));
          }
        }
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * Where the line after the one starting at {@code from} starts, by the line terminators of a
   * {@code (?m)^}: \n, \r\n, a lone \r, U+0085, U+2028, U+2029. {@code text.length()} when none
   * follows, since {@code ^} does not match at the end of the input.
   */
  private static int nextLineStart(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return i + 2;
      }
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i + 1;
      }
    }
    return text.length();
  }

  private static List<String> commonLicenses(String text) {
    boolean later = LATER.matcher(text).find();
    Set<String> names = new LinkedHashSet<>();
    Matcher reference = COMMON_LICENSE.matcher(text);
    while (reference.find()) {
      String name = UNVERSIONED.getOrDefault(reference.group(1), reference.group(1));
      boolean orLater = later && LATER_CAPABLE.contains(name.toUpperCase(Locale.ROOT));
      names.add(DebianLicenseNames.toSpdx(orLater ? name + "+" : name));
    }
    return new ArrayList<>(names);
  }
}
