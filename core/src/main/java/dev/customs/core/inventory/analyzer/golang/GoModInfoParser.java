package dev.customs.core.inventory.analyzer.golang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the module text of Go build info: tab-separated lines {@code path}, {@code mod},
 * {@code dep}, {@code =>} (a replacement of the module on the line before) and {@code build}.
 * Unknown line kinds are skipped so that newer toolchains still parse.
 */
final class GoModInfoParser {
  private GoModInfoParser() {}

  static GoBuildInfo parse(String goVersion, String modInfo) throws GoBuildInfoException {
    String mainPath = "";
    GoModule main = null;
    List<GoModule> deps = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    GoModule last = null;
    String[] lines = modInfo.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      switch (f[0]) {
        case "path" -> mainPath = field(f, 1);
        case "mod", "dep" -> {
          GoModule module = module(f, i);
          if (f[0].equals("mod")) {
            main = module;
          } else {
            deps.add(module);
          }
          last = module;
        }
        case "=>" -> {
          if (last == null) {
            throw new GoBuildInfoException("build info line " + (i + 1) + ": replacement without a module before it");
          }
          GoModule replaced = new GoModule(last.path(), last.version(), Optional.of(module(f, i)));
          if (last == main) {
            main = replaced;
          } else {
            deps.set(deps.size() - 1, replaced);
          }
          last = null;
        }
        case "build" -> putSetting(settings, field(f, 1));
        default -> { }
      }
    }
    return new GoBuildInfo(goVersion, mainPath, Optional.ofNullable(main), List.copyOf(deps),
        Collections.unmodifiableMap(settings));
  }

  private static GoModule module(String[] f, int line) throws GoBuildInfoException {
    if (f.length < 2 || f[1].isBlank()) {
      throw new GoBuildInfoException("build info line " + (line + 1) + ": '" + f[0] + "' without a module path");
    }
    return new GoModule(f[1], field(f, 2), Optional.empty());
  }

  /** A {@code build} line's {@code key=value}; the key itself may be quoted and hold {@code =}. */
  private static void putSetting(Map<String, String> settings, String setting) {
    int eq = setting.startsWith("\"") ? setting.indexOf("\"=") + 1 : setting.indexOf('=');
    if (eq <= 0) {
      settings.put(unquote(setting), "");
    } else {
      settings.put(unquote(setting.substring(0, eq)), unquote(setting.substring(eq + 1)));
    }
  }

  /**
   * Go writes a setting key or value that holds blanks, quotes or {@code =} as a Go string literal
   * ({@code "-X \"a.b=1\""}); this undoes the quoting of {@code \"} and {@code \\}.
   */
  private static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() - 1) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String field(String[] f, int index) {
    return index < f.length ? f[index] : "";
  }
}
