package dev.customs.core.layer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Lexical normalization of paths inside a layer, without touching any filesystem: separators
 * collapsed, {@code .} dropped, {@code ..} resolved against the segments before it.
 *
 * <p>A leading {@code /} or {@code ./} is stripped: tar writers emit both and they mean the image
 * root. A {@code ..} that would climb above the root is different: no image builder writes one,
 * only a crafted archive does, so it is refused rather than clamped. Docker and containerd
 * clamp such paths when they unpack, which is safe for them; a scanner that clamped would
 * silently report a file at a path its author did not write, so the layer is rejected with a
 * {@link LayerFormatException} naming the entry instead.
 */
public final class SafePath {
  private SafePath() {}

  /**
   * The normalized form of {@code raw}, empty for the root itself, or empty {@link Optional}
   * when the path escapes the root.
   */
  public static Optional<String> normalize(String raw) {
    Deque<String> segments = new ArrayDeque<>();
    int start = 0;
    int length = raw.length();
    while (start <= length) {
      int slash = raw.indexOf('/', start);
      int end = slash < 0 ? length : slash;
      String segment = raw.substring(start, end);
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Optional.empty();
        }
        segments.removeLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
      start = end + 1;
    }
    return Optional.of(String.join("/", segments));
  }

  /** Whether {@code raw} needs work; most tar names are already clean, and this avoids allocating. */
  static boolean isClean(String raw) {
    if (raw.isEmpty() || raw.charAt(0) == '/' || raw.endsWith("/")) {
      return false;
    }
    return !raw.contains("//") && !raw.startsWith("./") && !raw.contains("/./")
        && !raw.endsWith("/.") && !raw.equals(".") && !raw.contains("..");
  }

  /** {@link #normalize}, skipping the work for names that are already clean. */
  static Optional<String> fastNormalize(String raw) {
    return isClean(raw) ? Optional.of(raw) : normalize(raw);
  }
}
