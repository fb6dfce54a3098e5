package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.image.source.ArchiveImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryScanner;
import dev.customs.core.inventory.LayerAnalyzer;
import dev.customs.core.inventory.analyzer.Analyzers;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.inventory.analyzer.files.FileRuleAnalyzer;
import dev.customs.core.inventory.cache.DiskLayerCache;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.core.inventory.cache.NoLayerCache;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.policy.control.FilesControl;
import dev.customs.core.policy.load.PolicyLoader;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content patterns of the {@code files} control on the real debian12 image: the patterns are
 * applied while its layers are read, and the control judges where they matched.
 */
class FileContentRulesTest {
  private static final String LOGIN_DEFS = "etc/login.defs";
  private static String loginDefs;

  @TempDir Path cacheDir;

  @BeforeAll
  static void readTheRealFile() throws IOException {
    AtomicReference<String> text = new AtomicReference<>();
    try (Image image = open()) {
      for (Layer layer : image.layers()) {
        layer.readEntries(ExtractionLimits.DEFAULT, (entry, content) -> {
          if (entry.path().equals(LOGIN_DEFS)) {
            text.set(new String(content.readAllBytes(), StandardCharsets.UTF_8));
          }
        });
      }
    }
    loginDefs = text.get();
    assertThat(loginDefs).contains("PASS_MAX_DAYS");
  }

  private static Image open() throws IOException {
    return new ArchiveImageSource(TestData.testdata("images/debian12.oci.tar"))
        .open(SourceOptions.DEFAULT.withSelector("debian12"));
  }

  private static FilesControl control(String yaml) throws Exception {
    // A block control goes under "    - ": its further lines need the list item's indentation.
    Policy policy = new PolicyLoader().parse("test", PolicyDocuments.withControls(yaml.indent(6).substring(6)));
    return (FilesControl) policy.controls().get(0).control();
  }

  private static Inventory scan(FilesControl control, LayerCache cache) throws IOException {
    List<PackageAnalyzer> analyzers = new ArrayList<>(Analyzers.defaults());
    if (!control.contentRules().isEmpty()) {
      analyzers.add(new FileRuleAnalyzer(control.contentRules()));
    }
    try (Image image = open()) {
      return new InventoryScanner(analyzers, cache).scan(image);
    }
  }

  private static ControlResult judge(FilesControl control, Inventory inventory) {
    return control.evaluate(EvaluationContext.of(inventory, Instant.now()));
  }

  /** The 1-based number of the first line that starts with {@code start} (comments mention the names earlier). */
  private static int lineOf(String text, String start) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starts with " + start);
  }

  @Test
  void aPatternFoundInAFileFailsWithItsLine() throws Exception {
    FilesControl control = control("""
        type: files
        contents:
          - paths: ['etc/login.defs']
            patterns: ['^PASS_MAX_DAYS\\s+99999$']
        """);

    ControlResult result = judge(control, scan(control, NoLayerCache.INSTANCE));

    assertThat(result.outcome()).isEqualTo(ControlResult.Outcome.FAIL);
    assertThat(result.offenses()).extracting(Offense::subject).containsExactly("/etc/login.defs line "
        + lineOf(loginDefs, "PASS_MAX_DAYS\t") + " matches /^PASS_MAX_DAYS\\s+99999$/");
  }

  @Test
  void aGlobWithoutSlashNamesFilesAnywhereAndEachPatternIsReported() throws Exception {
    FilesControl control = control("""
        type: files
        contents:
          - paths: ['*.defs']
            patterns: ['^UMASK\\s+022', 'ENCRYPT_METHOD\\s+SHA512', '^NO_SUCH_SETTING']
        """);

    ControlResult result = judge(control, scan(control, NoLayerCache.INSTANCE));

    assertThat(result.offenses()).extracting(Offense::subject).containsExactlyInAnyOrder(
        "/etc/login.defs line " + lineOf(loginDefs, "UMASK\t") + " matches /^UMASK\\s+022/",
        "/etc/login.defs line " + lineOf(loginDefs, "ENCRYPT_METHOD") + " matches /ENCRYPT_METHOD\\s+SHA512/");
  }

  @Test
  void nothingMatchingPasses() throws Exception {
    FilesControl control = control("""
        type: files
        contents:
          - paths: ['etc/**']
            patterns: ['BEGIN OPENSSH PRIVATE KEY']
        """);

    assertThat(judge(control, scan(control, NoLayerCache.INSTANCE)).outcome()).isEqualTo(ControlResult.Outcome.PASS);
  }

  @Test
  void filesLargerThanMaxSizeAreNotRead() throws Exception {
    int size = loginDefs.getBytes(StandardCharsets.UTF_8).length;
    String rule = """
        type: files
        contents:
          - paths: ['etc/login.defs']
            patterns: ['PASS_MAX_DAYS']
            maxSize: %d
        """;
    FilesControl below = control(rule.formatted(size - 1));
    FilesControl exact = control(rule.formatted(size));

    assertThat(judge(below, scan(below, NoLayerCache.INSTANCE)).outcome()).isEqualTo(ControlResult.Outcome.PASS);
    assertThat(judge(exact, scan(exact, NoLayerCache.INSTANCE)).outcome()).isEqualTo(ControlResult.Outcome.FAIL);
  }

  @Test
  void anInventoryAnalyzedWithoutTheRuleCannotBeJudgedByIt() throws Exception {
    FilesControl control = control("""
        type: files
        contents:
          - paths: ['etc/login.defs']
            patterns: ['PASS_MAX_DAYS']
        """);
    Inventory withoutRule = scan(control("{type: files, setuid: true}"), NoLayerCache.INSTANCE);

    ControlResult result = judge(control, withoutRule);

    assertThat(result.outcome()).isEqualTo(ControlResult.Outcome.ERROR);
    assertThat(result.reasons().get(0)).contains("content patterns were not applied");
  }

  @Test
  void cachedLayersAreKeptApartPerRuleSet() throws Exception {
    DiskLayerCache cache = new DiskLayerCache(cacheDir);
    FilesControl umask = control("{type: files, contents: [{paths: ['*.defs'], patterns: ['^UMASK']}]}");
    FilesControl maxDays = control("{type: files, contents: [{paths: ['*.defs'], patterns: ['^PASS_MAX_DAYS']}]}");

    scan(umask, cache);
    Inventory second = scan(maxDays, cache);
    Inventory secondAgain = scan(maxDays, cache);

    assertThat(judge(maxDays, second).offenses()).singleElement().satisfies(o -> assertThat(o.subject())
        .contains("PASS_MAX_DAYS"));
    assertThat(secondAgain.contentMatches()).isEqualTo(second.contentMatches());
    assertThat(LayerAnalyzer.analyzersKey(List.of(new FileRuleAnalyzer(umask.contentRules()))))
        .isNotEqualTo(LayerAnalyzer.analyzersKey(List.of(new FileRuleAnalyzer(maxDays.contentRules()))));
  }

  @Test
  void badContentRulesAreNamed() {
    assertThatThrownBy(() -> control("""
        type: files
        contents:
          - paths: ['etc/**']
            patterns: ['(unclosed']
            maxSize: 999999999
          - patterns: ['x']
        """)).isInstanceOf(PolicyFormatException.class).satisfies(e -> assertThat(
            ((PolicyFormatException) e).problems()).anyMatch(p -> p.contains("not a valid regular expression"))
            .anyMatch(p -> p.contains("at most 16777216 bytes"))
            .anyMatch(p -> p.contains("missing required field paths")));
  }
}
