package dev.customs.core.inventory.analyzer.files;

import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Applies the {@link FileRule}s of the policies a scan judges: wants only the files a rule's globs
 * name, up to the rule's size, and reports where a content pattern first matches in each. It is not
 * among {@code Analyzers.defaults()}: only a scan with such a policy pays for it, and its
 * {@link #checks()} (the rule keys) keep its cached layer results apart from other rule sets.
 */
public final class FileRuleAnalyzer implements PackageAnalyzer {
  private final List<FileRule> rules;

  public FileRuleAnalyzer(List<FileRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String name() {
    return "file-rules";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public List<String> checks() {
    return rules.stream().map(FileRule::key).distinct().sorted().toList();
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && rules.stream().anyMatch(r -> entry.size() <= r.maxSize() && r.matchesPath(entry.path()));
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    String text = null;
    for (FileRule rule : rules) {
      if (input.content().length > rule.maxSize() || !rule.matchesPath(input.path())) {
        continue;
      }
      text = text != null ? text : input.text();
      for (var pattern : rule.contents()) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
          sink.addContentMatch(new FileContentMatch(rule.key(), input.path(), lineOf(text, m.start()),
              pattern.pattern()));
        }
      }
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
