package dev.customs.core.inventory.analyzer.secret;

import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials left in image files, by the rules of {@link SecretRules}. Values are never kept: a
 * finding shows the first four characters and asterisks.
 *
 * <p>Which files: text files up to {@link #MAX_SIZE} (a NUL byte in the first 8 KiB marks a binary).
 * Skipped are directories that only hold distribution documentation, certificates (public by
 * nature), package-manager state, and the Python standard library's own test suite, whose test keys
 * are published with every CPython release. Test keys inside applications' and libraries' own test
 * directories (e.g. {@code node_modules/x/test/key.pem}) <em>are</em> reported, as Trivy does: a
 * private key shipped in an image is readable by anyone who pulls it, and a policy exception is the
 * place to accept one. Values containing {@code EXAMPLE} (the documented AWS sample keys) or made of
 * one or two repeated characters after their prefix ({@code ghp_xxxx...}) are placeholders, not
 * credentials.
 */
public final class SecretAnalyzer implements PackageAnalyzer {
  static final long MAX_SIZE = 1024 * 1024;
  private static final int BINARY_PROBE = 8 * 1024;
  private static final List<String> SKIPPED_DIRS = List.of("usr/share/doc/", "usr/share/man/", "usr/share/info/",
      "usr/share/locale/", "usr/share/i18n/", "usr/share/zoneinfo/", "usr/include/", "usr/share/ca-certificates/",
      "etc/ssl/certs/", "etc/pki/ca-trust/", "var/lib/dpkg/", "var/lib/apt/", "var/lib/rpm/", "var/cache/",
      "proc/", "sys/", "dev/");
  private static final Pattern PYTHON_TESTS = Pattern.compile("(?:usr/|usr/local/)lib/python[0-9.]*/test/.*");
  private static final Set<String> BINARY_SUFFIXES = Set.of(".so", ".a", ".o", ".png", ".jpg", ".jpeg", ".gif",
      ".ico", ".gz", ".xz", ".bz2", ".zst", ".zip", ".jar", ".class", ".pyc", ".mo", ".woff", ".woff2", ".ttf");

  private final List<SecretRule> rules;

  public SecretAnalyzer() {
    this(SecretRules.builtIn());
  }

  SecretAnalyzer(List<SecretRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String name() {
    return "secret";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    if (!entry.isFile() || entry.size() == 0 || entry.size() > MAX_SIZE) {
      return false;
    }
    String path = entry.path();
    String name = entry.fileName().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return SKIPPED_DIRS.stream().noneMatch(path::startsWith) && !PYTHON_TESTS.matcher(path).matches()
        && (dot < 0 || !BINARY_SUFFIXES.contains(name.substring(dot)));
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    byte[] content = input.content();
    for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
      if (content[i] == 0) {
        return;
      }
    }
    String text = input.text();
    String lower = text.toLowerCase(Locale.ROOT);
    int[] lineStarts = null; // only a file with a match needs line numbers, and most have none
    Set<String> reported = new HashSet<>();
    for (SecretRule rule : rules) {
      if (rule.keywords().stream().noneMatch(lower::contains)
          || rule.requires().map(r -> !r.matcher(text).find()).orElse(false)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        String value = m.group("secret");
        if (lineStarts == null) {
          lineStarts = lineStarts(text);
        }
        int line = lineOf(lineStarts, m.start());
        if (!isPlaceholder(value) && reported.add(rule.id() + ":" + line)) {
          sink.addSecret(new SecretFinding(rule.id(), rule.category(), rule.severity(), rule.title(),
              input.path(), line, redact(value)));
        }
      }
    }
  }

  static String redact(String value) {
    return value.substring(0, Math.min(4, value.length())) + "****";
  }

  static boolean isPlaceholder(String value) {
    if (value.contains("EXAMPLE")) {
      return true;
    }
    return value.length() > 4 && value.substring(4).chars().distinct().count() <= 2;
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The 1-based line holding character {@code offset}. */
  private static int lineOf(int[] lineStarts, int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }
}
