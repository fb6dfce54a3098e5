package dev.customs.core.inventory.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customs.core.inventory.analyzer.AnalyzerInputs;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;

/**
 * Any bytes, and any archive of fuzzed metadata and nested archives, give packages or problems:
 * never an exception, never a hang. Runs its seeds in regression mode; fuzz with
 * {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENT='dev.customs.**,org.apache.commons.compress.**'}.
 */
class JavaArchiveAnalyzerFuzzTest {
  private static final String[] NAMES = {
      "META-INF/MANIFEST.MF", "META-INF/maven/g/a/pom.properties", "META-INF/maven/h/b/pom.properties",
      "BOOT-INF/lib/nested-1.0.jar", "WEB-INF/lib/lib.war", "org/example/pkg/A.class", "a-2.0.ear"};

  @FuzzTest(maxDuration = "30s")
  void analyzesAnyArchive(FuzzedDataProvider data) {
    byte[] archive = data.consumeBoolean() ? data.consumeRemainingAsBytes() : archiveOf(data, 2);
    RecordedAnalysis sink = new RecordedAnalysis();
    new JavaArchiveAnalyzer().analyze(AnalyzerInputs.of("app/fuzz-1.0.jar", archive), sink);
    assertThat(sink.packages).allSatisfy(p -> assertThat(p.paths().getFirst()).startsWith("app/fuzz-1.0.jar"));
  }

  private static byte[] archiveOf(FuzzedDataProvider data, int depth) {
    JarBuilder jar = new JarBuilder();
    int entries = data.consumeInt(0, 6);
    for (int i = 0; i < entries; i++) {
      String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(40);
      boolean nested = depth > 0 && JavaArchiveAnalyzer.isArchiveName(name) && data.consumeBoolean();
      byte[] content = nested ? archiveOf(data, depth - 1) : data.consumeBytes(data.consumeInt(0, 512));
      if (name.isEmpty() || name.endsWith("/")) {
        continue;
      }
      if (data.consumeBoolean()) {
        jar.stored(name, content);
      } else {
        jar.deflated(name, content);
      }
    }
    return jar.build();
  }
}
