package dev.customs.core.image;

import java.util.Locale;
import java.util.Optional;

/** An OS/architecture[/variant] pair as in image indexes and configs. */
public record Platform(String os, String architecture, Optional<String> variant) {
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());

  public Platform {
    if (os.isBlank() || architecture.isBlank()) {
      throw new IllegalArgumentException("platform needs an os and an architecture");
    }
  }

  /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm64/v8}. */
  public static Platform parse(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()
        || (parts.length == 3 && parts[2].isBlank())) {
      throw new IllegalArgumentException(
          "invalid platform \"" + text + "\": expected os/arch[/variant], e.g. linux/arm64/v8");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
  }

  /**
   * Whether an index entry with this platform satisfies a request for {@code wanted}. A request
   * without a variant accepts any variant; arm64's implicit variant is v8.
   */
  public boolean satisfies(Platform wanted) {
    if (!os.equals(wanted.os) || !architecture.equals(wanted.architecture)) {
      return false;
    }
    if (wanted.variant.isEmpty()) {
      return true;
    }
    String mine = variant.orElse(architecture.equals("arm64") ? "v8" : "");
    return mine.equals(wanted.variant.get());
  }

  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
