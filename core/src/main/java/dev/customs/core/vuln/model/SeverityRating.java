package dev.customs.core.vuln.model;

import java.util.Objects;

/**
 * What one source says the severity is.
 *
 * @param source who says so: {@code debian}, {@code ubuntu}, {@code ghsa}, {@code nvd}, {@code rubysec}…
 * @param level the mapped level
 * @param raw the source's own word or score, as written ({@code unimportant}, {@code MODERATE}, {@code 7.5})
 */
public record SeverityRating(String source, SeverityLevel level, String raw) {
  public SeverityRating {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(level, "level");
    raw = Objects.requireNonNullElse(raw, "");
  }
}
