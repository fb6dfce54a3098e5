package dev.customs.core.inventory.analyzer.files;

import dev.customs.core.Glob;
import dev.customs.core.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Files to look into and what to look for: the regular expressions searched in the content of
 * files whose path matches a glob (a glob without {@code /} matches the file name), up to
 * {@code maxSize} bytes per file (larger files are not read). Written in a {@code files} policy
 * control; the layer analysis applies it through {@link FileRuleAnalyzer}.
 */
public record FileRule(List<Glob> paths, List<Pattern> contents, long maxSize) {
  public FileRule {
    paths = List.copyOf(paths);
    contents = List.copyOf(contents);
    if (paths.isEmpty() || contents.isEmpty() || maxSize < 1) {
      throw new IllegalArgumentException("a file rule needs paths, contents and a positive maxSize");
    }
  }

  /**
   * Names the rule by what it checks, so that an inventory says which rules it was analyzed with
   * and a layer result cached under one rule set is never read for another.
   */
  public String key() {
    StringBuilder text = new StringBuilder("max=").append(maxSize);
    paths.forEach(g -> text.append("\npath=").append(g.text()));
    contents.forEach(p -> text.append("\ncontent=").append(p.pattern()).append('/').append(p.flags()));
    return "files-" + Digest.sha256(text.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
  }

  /** Whether the file at {@code path} is one this rule reads. */
  public boolean matchesPath(String path) {
    return matches(paths, path);
  }

  /** Whether {@code path} matches one of the globs; a glob without {@code /} matches the file name. */
  public static boolean matches(List<Glob> globs, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return globs.stream().anyMatch(g -> g.matches(g.text().contains("/") ? path : name));
  }
}
