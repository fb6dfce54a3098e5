package dev.customs.core.vuln.model;

import java.util.Locale;

/** A severity on the common five-step scale, mapped from each source's own words. */
public enum SeverityLevel {
  UNKNOWN,
  NEGLIGIBLE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * Maps a source's word: GHSA {@code MODERATE}, Debian urgencies ({@code unimportant},
   * {@code low**}), Ubuntu priorities ({@code untriaged}), NVD {@code baseSeverity}. Words it does not
   * know (Debian {@code not yet assigned}) are {@link #UNKNOWN}.
   */
  public static SeverityLevel parse(String word) {
    if (word == null) {
      return UNKNOWN;
    }
    // Debian marks urgencies it guessed from NVD with trailing asterisks ("high**").
    String w = word.strip().replace("*", "").toLowerCase(Locale.ROOT);
    return switch (w) {
      case "critical" -> CRITICAL;
      case "high", "important" -> HIGH;
      case "medium", "moderate" -> MEDIUM;
      case "low" -> LOW;
      case "negligible", "unimportant", "none" -> NEGLIGIBLE;
      default -> UNKNOWN;
    };
  }

  /** The CVSS qualitative rating of a base score (CVSS 3.x/4.0 specification, section 5). */
  public static SeverityLevel ofCvssScore(double score) {
    if (score >= 9.0) {
      return CRITICAL;
    } else if (score >= 7.0) {
      return HIGH;
    } else if (score >= 4.0) {
      return MEDIUM;
    } else if (score > 0.0) {
      return LOW;
    }
    return NEGLIGIBLE;
  }
}
