package dev.customs.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanProgressTest {
  @ParameterizedTest(name = "quiet={0} terminal={1}")
  @CsvSource({"false, true, true", "true, true, false", "false, false, false", "true, false, false"})
  void aBarOnlyOnATerminalAndWithoutQuiet(boolean quiet, boolean terminal, boolean shown) {
    assertThat(ScanProgress.shown(quiet, terminal)).isEqualTo(shown);
  }

  @Test
  void withoutATerminalNothingIsDrawn() {
    // Tests run without a console, as pipelines do.
    assertThat(ScanProgress.start(3, 1 << 20, false)).isSameAs(ScanProgress.NONE);
  }

  @Test
  void rendersTheBytesAndLayersReadThenWhatCameFromTheCache() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        ScanProgress progress = ScanProgress.render(3, 6L << 20, out, 1)) {
      progress.bytes(2L << 20);
      progress.layerRead();
      progress.bytes(1L << 20);
      progress.layerRead();
      progress.finish();
    }
    String text = drawn.toString(StandardCharsets.UTF_8);

    // Frames come from the library's render thread as well as from each finished layer, and two
    // updates close together can be drawn as one frame: what every run must show is the layer count
    // moving on, never backwards, and the final frame.
    assertThat(text).contains("Scanning 3 layers").containsPattern("[12]/3 layers read")
        .doesNotContain("3/3 layers read");
    assertThat(text.indexOf("2/3 layers read")).isGreaterThanOrEqualTo(text.lastIndexOf("1/3 layers read"));
    String last = text.substring(text.lastIndexOf('\r') + 1);
    assertThat(last).contains("100%").contains("6/6 MB").contains("2 read, 1 from cache");
  }

  @Test
  void theNoneProgressIgnoresEverything() {
    ScanProgress.NONE.bytes(10);
    ScanProgress.NONE.layerRead();
    ScanProgress.NONE.finish();
    ScanProgress.NONE.close();
  }
}
