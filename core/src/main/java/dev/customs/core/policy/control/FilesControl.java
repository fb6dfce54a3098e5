package dev.customs.core.policy.control;

import dev.customs.core.Glob;
import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.PrivilegedFile;
import dev.customs.core.inventory.analyzer.files.FileRule;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyControl;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fails on files with the setuid or setgid bit ({@code setuid: true}, {@code setgid: true}), on
 * files whose path matches a glob ({@code paths: ["**&#47;*.pem"]}; a pattern without {@code /}
 * matches the file name), and on files whose content matches a regular expression
 * ({@code contents}: globs naming the files to read, patterns, a size bound).
 *
 * <p>The inventory keeps no full file list, so path patterns see the files it does know:
 * setuid/setgid files, package databases and manifests, and files holding secrets. Content patterns
 * are applied while the layers are read ({@link #contentRules()} become a
 * {@code FileRuleAnalyzer}); an inventory analyzed without them cannot be judged by them (ERROR).
 */
public record FilesControl(List<Glob> paths, boolean setuid, boolean setgid, List<FileRule> contents)
    implements Control {
  public static final String TYPE = "files";
  /** Files larger than this are not read for content patterns unless {@code maxSize} says otherwise. */
  public static final long DEFAULT_MAX_SIZE = 1L << 20;
  /** Each file read for content patterns is held in memory: this bounds {@code maxSize}. */
  public static final long MAX_SIZE_LIMIT = 16L << 20;

  public FilesControl {
    paths = List.copyOf(paths);
    contents = List.copyOf(contents);
  }

  static FilesControl read(SpecReader spec) {
    List<FileRule> contents = new ArrayList<>();
    for (SpecReader rule : spec.objects("contents")) {
      readContentRule(rule).ifPresent(contents::add);
    }
    FilesControl control = new FilesControl(spec.strings("paths").stream().map(Glob::of).toList(),
        spec.bool("setuid", false), spec.bool("setgid", false), contents);
    if (control.paths.isEmpty() && !control.setuid && !control.setgid && !spec.field("contents").isPresent()) {
      spec.problem("paths", "expected paths, contents, setuid: true or setgid: true");
    }
    return control;
  }

  private static Optional<FileRule> readContentRule(SpecReader spec) {
    spec.require("paths");
    spec.require("patterns");
    List<Glob> globs = spec.strings("paths").stream().map(Glob::of).toList();
    List<java.util.regex.Pattern> patterns = spec.multilineRegexes("patterns");
    long maxSize = spec.whole("maxSize", 1).orElse(DEFAULT_MAX_SIZE);
    if (maxSize > MAX_SIZE_LIMIT) {
      spec.problem("maxSize", "at most " + MAX_SIZE_LIMIT + " bytes (each file read is held in memory), was "
          + maxSize);
    }
    spec.finish();
    if (globs.isEmpty() || patterns.isEmpty() || maxSize > MAX_SIZE_LIMIT) {
      return Optional.empty();
    }
    return Optional.of(new FileRule(globs, patterns, maxSize));
  }

  /** The file rules the layer analysis must apply for this control to judge contents. */
  public List<FileRule> contentRules() {
    return contents;
  }

  /** Every content rule of the policies' files controls: what a scan judged by them must apply. */
  public static List<FileRule> contentRulesOf(List<Policy> policies) {
    return policies.stream().flatMap(p -> p.controls().stream()).map(PolicyControl::control)
        .flatMap(c -> c instanceof FilesControl files ? files.contentRules().stream() : java.util.stream.Stream.empty())
        .toList();
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    List<String> what = new ArrayList<>();
    if (setuid) {
      what.add("a setuid file");
    }
    if (setgid) {
      what.add("a setgid file");
    }
    if (!paths.isEmpty()) {
      what.add("a known file matching " + paths
          + " (package databases, manifests, setuid/setgid files, files with secrets)");
    }
    for (FileRule rule : contents) {
      what.add("a file matching " + rule.paths() + " of at most " + rule.maxSize() + " bytes whose content matches "
          + rule.contents().stream().map(p -> "/" + p.pattern() + "/").collect(Collectors.joining(" or ")));
    }
    return "Fails when the image has " + String.join(", or ", what) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    Inventory inventory = context.inventory();
    List<String> unchecked = contents.stream().map(FileRule::key).filter(k -> !inventory.checks().contains(k)).toList();
    if (!unchecked.isEmpty()) {
      return ControlResult.error("the content patterns were not applied when this image was inventoried (file rules "
          + unchecked + "): scan it with this policy, e.g. customs scan --policy FILE");
    }
    List<Offense> offenses = new ArrayList<>();
    for (PrivilegedFile f : inventory.privilegedFiles()) {
      if ((setuid && f.setuid()) || (setgid && f.setgid())) {
        String bits = f.setuid() && f.setgid() ? "setuid+setgid" : f.setuid() ? "setuid" : "setgid";
        offenses.add(new Offense("file", "/" + f.path() + " " + bits,
            "mode " + Integer.toOctalString(f.mode()) + ", owner uid " + f.uid()));
      }
    }
    if (!paths.isEmpty()) {
      for (String path : knownPaths(inventory)) {
        if (FileRule.matches(paths, path)) {
          offenses.add(Offense.of("file", "/" + path + " matches " + paths));
        }
      }
    }
    for (FileRule rule : contents) {
      for (FileContentMatch match : inventory.contentMatches()) {
        if (match.rule().equals(rule.key())) {
          offenses.add(Offense.of("file", "/" + match.path() + " line " + match.line() + " matches /" + match.pattern()
              + "/"));
        }
      }
    }
    return ControlResult.failIfAny(offenses, offenses.size() + " files not allowed", "no file matches");
  }

  private static TreeSet<String> knownPaths(Inventory inventory) {
    TreeSet<String> known = new TreeSet<>();
    inventory.privilegedFiles().forEach(f -> known.add(f.path()));
    inventory.packages().forEach(p -> known.addAll(p.pkg().paths()));
    inventory.secrets().forEach(s -> known.add(s.finding().path()));
    return known;
  }
}
