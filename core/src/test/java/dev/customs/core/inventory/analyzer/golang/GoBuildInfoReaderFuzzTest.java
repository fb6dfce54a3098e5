package dev.customs.core.inventory.analyzer.golang;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.inventory.analyzer.elf.TestElf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes, as a whole file or as the content of a {@code .go.buildinfo} section after the magic,
 * must end in build info, "not Go", or a {@link GoBuildInfoException}; never another exception.
 * Fuzz with {@code JAZZER_FUZZ=1}; without it the test replays its findings as regression inputs.
 */
class GoBuildInfoReaderFuzzTest {
  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

  @FuzzTest(maxDuration = "30s")
  void readsAnyInputSafely(FuzzedDataProvider data) throws IOException {
    byte[] content;
    if (data.consumeBoolean()) {
      content = data.consumeRemainingAsBytes();
    } else {
      byte[] rest = data.consumeRemainingAsBytes();
      byte[] section = new byte[MAGIC.length + rest.length];
      System.arraycopy(MAGIC, 0, section, 0, MAGIC.length);
      System.arraycopy(rest, 0, section, MAGIC.length, rest.length);
      TestElf elf = new TestElf();
      elf.section(".go.buildinfo", section);
      content = elf.build();
    }
    try {
      GoBuildInfoReader.read(content);
    } catch (GoBuildInfoException expected) {
      // malformed input is reported, which is the point
    }
    RecordedAnalysis.analyze(new GoBinaryAnalyzer(), "usr/bin/fuzz", content);
  }
}
