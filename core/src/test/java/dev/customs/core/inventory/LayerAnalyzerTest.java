package dev.customs.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerAnalyzerTest {
  private final FakeAnalyzer db = new FakeAnalyzer("db", 1, "pkgdb");
  private final FakeAnalyzer secrets = new FakeAnalyzer("secrets", 3, ".env");

  private LayerAnalysis analyze(TestLayer layer, PackageAnalyzer... analyzers) {
    return new LayerAnalyzer(List.of(analyzers), ExtractionLimits.DEFAULT, 64).analyze(layer);
  }

  @Test
  void recordsResultsPerFileAndAnalyzerWithWhiteoutsAndAllPaths() {
    TestLayer layer = new TestLayer("l").dir("etc").file("var/lib/pkgdb", "pkg DEB a 1").file("etc/app.env", "secret aws")
        .file("etc/motd", "hi").symlink("bin", "usr/bin").whiteout("etc/old").opaque("opt");

    LayerAnalysis analysis = analyze(layer, db, secrets);

    assertThat(analysis.diffId()).isEqualTo(layer.diffId());
    assertThat(analysis.files()).extracting(FileResult::path, FileResult::analyzer)
        .containsExactly(tuple("var/lib/pkgdb", "db"),
            tuple("etc/app.env", "secrets"));
    assertThat(analysis.paths()).containsExactly("bin", "etc/app.env", "etc/motd", "var/lib/pkgdb");
    assertThat(analysis.whiteouts()).containsExactly("etc/old");
    assertThat(analysis.opaqueDirs()).containsExactly("opt");
    assertThat(analysis.complete()).isTrue();
    assertThat(db.calls()).isEqualTo(1);
  }

  @Test
  void aThrowingAnalyzerIsRecordedAsAProblemAndTheOthersGoOn() {
    FakeAnalyzer other = new FakeAnalyzer("other", 1, "pkgdb");
    TestLayer layer = new TestLayer("l").file("a/pkgdb", "pkg NPM x 1\nthrow").file("b/pkgdb", "pkg NPM y 1");

    LayerAnalysis analysis = analyze(layer, db, other);

    assertThat(analysis.files()).hasSize(4);
    assertThat(analysis.files().get(0).packages()).extracting(Package::name).containsExactly("x");
    assertThat(analysis.files().get(0).problems()).containsExactly("analyzer db failed: boom in a/pkgdb");
    assertThat(analysis.files().get(3).packages()).extracting(Package::name).containsExactly("y");
  }

  @Test
  void aLayerThatCannotBeReadToItsEndIsIncompleteAndSaysWhy() {
    TestLayer layer = new TestLayer("truncated").file("a/pkgdb", "pkg NPM x 1").file("b/pkgdb", "pkg NPM y 1").failAfter(1);

    LayerAnalysis analysis = analyze(layer, db);

    assertThat(analysis.complete()).isFalse();
    assertThat(analysis.files()).extracting(FileResult::path).containsExactly("a/pkgdb");
    assertThat(analysis.problems()).singleElement().satisfies(p -> {
      assertThat(p.layer()).isEqualTo(layer.diffId().toString());
      assertThat(p.reason()).contains("could not be read to its end").contains("unexpected end of gzip stream");
    });
  }

  @Test
  void aWantedFileOverThePerFileLimitIsSkippedWithAProblem() {
    TestLayer layer = new TestLayer("big").file("big/pkgdb", "pkg NPM x 1\n" + "#".repeat(100));

    LayerAnalysis analysis = analyze(layer, db);

    assertThat(db.calls()).isZero();
    assertThat(analysis.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("big/pkgdb");
      assertThat(p.reason()).contains("over the per-file limit of 64 bytes");
    });
  }

  @Test
  void anAnalyzerWhoseWantsThrowsIsRecordedAndSkipped() {
    PackageAnalyzer broken = new PackageAnalyzer() {
      @Override public String name() {
        return "broken";
      }

      @Override public int version() {
        return 1;
      }

      @Override public boolean wants(LayerEntry entry) {
        throw new IllegalArgumentException("bad pattern");
      }

      @Override public void analyze(AnalyzerInput input, AnalysisSink sink) {
        throw new AssertionError("never wanted anything");
      }
    };

    LayerAnalysis analysis = analyze(new TestLayer("l").file("x/pkgdb", "pkg NPM x 1").file("y/pkgdb", "pkg NPM y 1"),
        broken, db);

    assertThat(analysis.files()).hasSize(2).allSatisfy(f -> assertThat(f.analyzer()).isEqualTo("db"));
    assertThat(analysis.problems()).extracting(AnalysisProblem::reason)
        .containsExactly("analyzer broken failed: bad pattern (skipped for the rest of this layer)");
  }

  @Test
  void theAnalyzersKeyChangesWithAnyAnalyzerVersionButNotWithTheirOrder() {
    String key = LayerAnalyzer.analyzersKey(List.of(db, secrets));

    assertThat(LayerAnalyzer.analyzersKey(List.of(secrets, db))).isEqualTo(key);
    assertThat(LayerAnalyzer.analyzersKey(List.of(db, new FakeAnalyzer("secrets", 4, ".env")))).isNotEqualTo(key);
    assertThat(LayerAnalyzer.analyzersKey(List.of(db))).isNotEqualTo(key);
  }

  @Test
  void rejectsAPerFileLimitThatCannotBeBuffered() {
    assertThatThrownBy(() -> new LayerAnalyzer(List.of(db), ExtractionLimits.DEFAULT, 3L << 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFileSize");
  }
}
