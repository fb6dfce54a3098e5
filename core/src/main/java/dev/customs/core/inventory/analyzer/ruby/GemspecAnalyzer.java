package dev.customs.core.inventory.analyzer.ruby;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed Ruby gems: the specification RubyGems writes for each installed gem,
 * {@code .../specifications/<name>-<version>.gemspec}. The file is generated Ruby; only its
 * literal assignments {@code s.name = "rack".freeze}, {@code s.version = "2.2.22"} and
 * {@code s.licenses = ["MIT".freeze]} (or {@code s.license = ...}) are read, never evaluated.
 */
public final class GemspecAnalyzer implements PackageAnalyzer {
  static final long MAX_SIZE = 1024 * 1024;
  /** A Ruby string literal: "..." or '...' or %q{...} (any of the usual delimiters). */
  private static final String STRING = "(?:\"([^\"]*)\"|'([^']*)'|%q[{<(\\[]([^}>)\\]]*)[}>)\\]])";
  private static final Pattern NAME = assignment("name");
  private static final Pattern VERSION = assignment("version");
  private static final Pattern LICENSES = Pattern.compile("^\\s*\\w+\\.licenses?\\s*=\\s*\\[?(.*)$", Pattern.MULTILINE);
  private static final Pattern LITERAL = Pattern.compile(STRING);

  @Override
  public String name() {
    return "gemspec";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && entry.path().endsWith(".gemspec") && entry.size() <= MAX_SIZE
        && (entry.path().contains("/specifications/") || entry.path().startsWith("specifications/"));
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    String text = input.text();
    Optional<String> name = first(NAME, text);
    Optional<String> version = first(VERSION, text);
    if (name.isEmpty() || name.get().isBlank() || version.isEmpty()) {
      sink.problem("gemspec " + input.path() + " has no literal " + (name.isEmpty() ? "name" : "version")
          + " assignment");
      return;
    }
    sink.addPackage(Package.of(Ecosystem.GEM, name.get(), version.get(), input.path())
        .withLicenses(licenses(text)));
  }

  private static Pattern assignment(String attribute) {
    return Pattern.compile("^\\s*\\w+\\." + attribute + "\\s*=\\s*" + STRING, Pattern.MULTILINE);
  }

  private static Optional<String> first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(literal(m)) : Optional.empty();
  }

  private static List<String> licenses(String text) {
    List<String> licenses = new ArrayList<>();
    Matcher line = LICENSES.matcher(text);
    if (line.find()) {
      Matcher literal = LITERAL.matcher(line.group(1));
      while (literal.find()) {
        licenses.add(literal(literal));
      }
    }
    return licenses;
  }

  private static String literal(Matcher m) {
    for (int group = 1; group <= m.groupCount(); group++) {
      if (m.group(group) != null) {
        return m.group(group);
      }
    }
    return "";
  }
}
