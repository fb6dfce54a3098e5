package dev.customs.core.inventory.analyzer.dpkg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;

/**
 * Hostile bytes for the dpkg analyzers: they report problems and return; any exception is a bug.
 * Runs once on the empty input in normal test runs; {@code JAZZER_FUZZ=1} fuzzes one method at a time.
 */
class DpkgFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void statusFile(byte[] content) throws IOException {
    RecordedAnalysis.analyzeWanted(new DpkgStatusAnalyzer(), "var/lib/dpkg/status", content);
  }

  @FuzzTest(maxDuration = "30s")
  void copyrightFile(byte[] content) throws IOException {
    RecordedAnalysis.analyzeWanted(new DpkgCopyrightAnalyzer(), "usr/share/doc/foo/copyright", content);
  }
}
