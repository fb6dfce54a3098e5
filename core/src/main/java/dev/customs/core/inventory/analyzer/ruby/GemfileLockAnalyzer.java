package dev.customs.core.inventory.analyzer.ruby;

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
 * Ruby gems locked by Bundler's {@code Gemfile.lock}. Gems are the 4-space-indented
 * {@code name (version)} lines under {@code specs:} of the {@code GEM}, {@code GIT} and {@code PATH}
 * sections; the 6-space lines below them are dependency requirements, not gems. A platform suffix
 * ({@code 1.13.10-x86_64-linux}) is split off into property {@code platform}: RubyGems versions
 * never contain {@code -} themselves.
 */
public final class GemfileLockAnalyzer implements PackageAnalyzer {
  static final long MAX_SIZE = 4L * 1024 * 1024;
  private static final Set<String> SOURCES = Set.of("GEM", "GIT", "PATH", "PLUGIN SOURCE");
  private static final Pattern SPEC = Pattern.compile("^ {4}(\\S+) \\(([^)]+)\\)$");

  @Override
  public String name() {
    return "gemfile-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && entry.fileName().equals("Gemfile.lock") && entry.size() <= MAX_SIZE;
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    boolean inSource = false;
    boolean sawSource = false;
    String[] lines = input.text().split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isEmpty() && !line.startsWith(" ")) {
        inSource = SOURCES.contains(line.strip());
        sawSource |= inSource;
        continue;
      }
      if (!inSource || !line.startsWith("    ") || line.startsWith("     ")) {
        continue;
      }
      Matcher spec = SPEC.matcher(line);
      if (!spec.matches()) {
        sink.problem("Gemfile.lock " + input.path() + " line " + (i + 1) + ": expected 'name (version)', found '"
            + line.strip() + "'");
        continue;
      }
      sink.addPackage(gem(spec.group(1), spec.group(2), input.path()));
    }
    if (!sawSource) {
      sink.problem("Gemfile.lock " + input.path() + " has no GEM, GIT or PATH section");
    }
  }

  private static Package gem(String name, String version, String path) {
    int dash = version.indexOf('-');
    if (dash < 0) {
      return Package.of(Ecosystem.GEM, name, version, path);
    }
    return Package.of(Ecosystem.GEM, name, version.substring(0, dash), path)
        .withProperties(Map.of("platform", version.substring(dash + 1)));
  }
}
