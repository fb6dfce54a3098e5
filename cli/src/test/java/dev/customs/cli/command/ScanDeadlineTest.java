package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanDeadlineTest {
  @Test
  void returnsTheResultOfWorkThatEndsInTime() throws Exception {
    assertThat(new ScanDeadline(Duration.ofSeconds(5)).<String>run(() -> "done")).isEqualTo("done");
  }

  @Test
  void interruptsWorkThatOverrunsAndWaitsForItToUnwind() throws Exception {
    CountDownLatch unwound = new CountDownLatch(1);

    assertThatThrownBy(() -> new ScanDeadline(Duration.ofMillis(100)).run(() -> {
      try {
        Thread.sleep(60_000);
        return "never";
      } finally {
        unwound.countDown();
      }
    })).isInstanceOf(TimeoutException.class);
    assertThat(unwound.await(0, TimeUnit.SECONDS)).as("the work ran its finally block before run returned").isTrue();
  }

  @Test
  void rethrowsWhatTheWorkThrows() {
    assertThatThrownBy(() -> new ScanDeadline(Duration.ofSeconds(5)).run(() -> {
      throw new IOException("no such image");
    })).isInstanceOf(IOException.class).hasMessage("no such image");
    assertThatThrownBy(() -> new ScanDeadline(Duration.ofSeconds(5)).run(() -> {
      throw new IllegalArgumentException("bad flag");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad flag");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PT5M, 5m0s", "PT30S, 30s", "PT0.3S, 300ms", "PT1H30M, 1h30m0s", "PT1.25S, 1.25s", "PT2H0.5S, 2h0m0.5s"})
  void formatsDurationsAsTrivyDoes(Duration duration, String text) {
    assertThat(ScanDeadline.format(duration)).isEqualTo(text);
  }
}
