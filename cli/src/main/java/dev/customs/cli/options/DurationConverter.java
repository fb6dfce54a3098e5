package dev.customs.cli.options;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads durations as Go and Trivy write them ({@code 5m}, {@code 30s}, {@code 1h30m}, {@code 5m0s},
 * {@code 1500ms}), so that a pipeline moving from Trivy keeps its {@code --timeout}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  public static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(value).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration (expected e.g. 30s, 5m, 1h30m)");
    }
    double millis = 0;
    Matcher part = PART.matcher(value);
    while (part.find()) {
      double amount = Double.parseDouble(part.group(1));
      millis += amount * switch (part.group(2)) {
        case "h" -> 3_600_000;
        case "m" -> 60_000;
        case "s" -> 1_000;
        default -> 1;
      };
    }
    if (millis < 1) {
      throw new IllegalArgumentException("\"" + text + "\": the duration must be at least 1ms");
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
