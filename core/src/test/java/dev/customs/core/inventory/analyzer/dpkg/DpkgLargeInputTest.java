package dev.customs.core.inventory.analyzer.dpkg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Large hostile status files finish in time linear in their size. */
class DpkgLargeInputTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "one endless field, 'Package: a\\nStatus: install ok installed\\nVersion: 1\\nDescription: x\\n', ' more\\n', 1",
      "many packages, '', 'Package: p\\nStatus: install ok installed\\nVersion: 1\\n\\n', 400000",
      "many bad lines, 'Package: a\\nVersion: 1\\nStatus: install ok installed\\n', 'no colon here\\n', 1"})
  void finishesQuickly(String name, String head, String repeated, int packages) throws IOException {
    String text = head.replace("\\n", "\n") + repeated.replace("\\n", "\n").repeat(400_000);
    assertThat(text.length()).isGreaterThan(2_000_000);

    RecordedAnalysis sink = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        RecordedAnalysis.analyzeWanted(new DpkgStatusAnalyzer(), "var/lib/dpkg/status", text.getBytes(UTF_8)));

    assertThat(sink.packages).hasSize(packages);
  }
}
