package dev.customs.core.inventory.analyzer.golang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The version a plain {@code go build} stamped into its program with
 * {@code -ldflags "-X <package>.version=1.2.3"}: the only version such a main module has (its module
 * version is {@code (devel)}). Variables named {@code version} or {@code ver} are candidates, first
 * those under {@code <main module>/cmd/}, then those of packages named {@code main}, {@code common},
 * {@code version} or {@code cmd}, then any; several different values at the first level that has
 * any mean there is no telling which is the program's, so none is chosen.
 */
final class GoLdflagsVersion {
  private static final Pattern SEMVER = Pattern.compile("v?\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]*)?");
  private static final Set<String> VERSION_PACKAGES = Set.of("main", "common", "version", "cmd");

  private GoLdflagsVersion() {}

  /** The version, {@code v}-prefixed like module versions, from the {@code -ldflags} build setting. */
  static Optional<String> of(String mainPath, String ldflags) {
    List<Set<String>> levels = List.of(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    List<String> tokens = tokens(ldflags);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String assignment = token.equals("-X") || token.equals("--X") ? (i + 1 < tokens.size() ? tokens.get(++i) : "")
          : token.startsWith("-X=") ? token.substring(3) : "";
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = assignment.substring(0, eq);
      String value = assignment.substring(eq + 1);
      String lowerKey = key.toLowerCase(Locale.ROOT);
      if ((lowerKey.endsWith(".version") || lowerKey.endsWith(".ver")) && SEMVER.matcher(value).matches()) {
        levels.get(level(mainPath, key)).add(value.startsWith("v") ? value : "v" + value);
      }
    }
    for (Set<String> level : levels) {
      if (!level.isEmpty()) {
        return level.size() == 1 ? Optional.of(level.iterator().next()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int level(String mainPath, String key) {
    if (!mainPath.isEmpty() && key.startsWith(mainPath + "/cmd/")) {
      return 0;
    }
    String pkg = key.substring(key.lastIndexOf('/') + 1);
    int dot = pkg.indexOf('.');
    return VERSION_PACKAGES.contains(pkg.substring(0, dot < 0 ? pkg.length() : dot).toLowerCase(Locale.ROOT)) ? 1 : 2;
  }

  /** Splits flags at blanks outside single or double quotes, dropping the quotes (as a shell would). */
  private static List<String> tokens(String flags) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inToken = false;
    for (char c : flags.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
