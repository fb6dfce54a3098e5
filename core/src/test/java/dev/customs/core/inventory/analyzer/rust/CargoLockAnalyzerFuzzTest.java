package dev.customs.core.inventory.analyzer.rust;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Any text as {@code Cargo.lock} must give packages and/or problems, never an exception. Fuzz with
 * {@code JAZZER_FUZZ=1}; without it the test replays its findings as regression inputs.
 */
class CargoLockAnalyzerFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parsesAnyTextSafely(FuzzedDataProvider data) throws IOException {
    String lock = data.consumeRemainingAsString();
    RecordedAnalysis.analyze(new CargoLockAnalyzer(), "Cargo.lock", lock.getBytes(StandardCharsets.UTF_8));
  }
}
