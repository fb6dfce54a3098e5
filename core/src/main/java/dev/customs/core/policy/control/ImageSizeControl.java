package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails when the image's stored size (the sum of its compressed layers, what a pull downloads)
 * exceeds {@code maxSize}: bytes, or a number with KB, MB or GB (powers of 1000) or KiB, MiB, GiB.
 */
public record ImageSizeControl(long maxBytes) implements Control {
  public static final String TYPE = "imageSize";
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMG]i?B)?", Pattern.CASE_INSENSITIVE);

  static ImageSizeControl read(SpecReader spec) {
    spec.require("maxSize");
    String text = spec.field("maxSize").map(n -> n.text()).orElse("0");
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      spec.problem("maxSize", "expected a size like 500MB, was " + text);
      return new ImageSizeControl(0);
    }
    return new ImageSizeControl((long) (Double.parseDouble(m.group(1)) * unit(m.group(2))));
  }

  private static long unit(String suffix) {
    if (suffix == null) {
      return 1;
    }
    String s = suffix.toUpperCase(Locale.ROOT);
    long base = s.contains("I") ? 1024 : 1000;
    int power = "KMG".indexOf(s.charAt(0)) + 1;
    long unit = 1;
    for (int i = 0; i < power; i++) {
      unit *= base;
    }
    return unit;
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image's layers add up to more than " + maxBytes + " bytes.";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    long size = context.inventory().image().totalSize();
    if (size < 0) {
      return ControlResult.error("the image source does not know the layer sizes");
    }
    if (size > maxBytes) {
      return new ControlResult(ControlResult.Outcome.FAIL, List.of(size + " bytes, over " + maxBytes),
          List.of(Offense.of("image", context.inventory().image().layers().size() + " layers, " + size + " bytes")));
    }
    return ControlResult.pass(size + " bytes, within " + maxBytes);
  }
}
