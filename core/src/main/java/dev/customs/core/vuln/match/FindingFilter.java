package dev.customs.core.vuln.match;

import dev.customs.core.vuln.model.SeverityLevel;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which findings a user asked to see ({@code --severity}, {@code --ignore-unfixed}). Filtering
 * only hides findings: coverage, database facts and problems are kept.
 *
 * @param severities the levels to keep; empty keeps all
 * @param ignoreUnfixed whether to drop findings without a fix
 */
public record FindingFilter(Set<SeverityLevel> severities, boolean ignoreUnfixed) {
  public FindingFilter {
    severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
  }

  /**
   * From the words users type ({@code critical}, {@code HIGH}…).
   *
   * @throws IllegalArgumentException naming an unknown level and the known ones
   */
  public static FindingFilter of(List<String> severityWords, boolean ignoreUnfixed) {
    Set<SeverityLevel> levels = EnumSet.noneOf(SeverityLevel.class);
    for (String word : severityWords) {
      try {
        levels.add(SeverityLevel.valueOf(word.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown severity \"" + word + "\" (expected "
            + String.join(", ", EnumSet.allOf(SeverityLevel.class).stream().map(l -> l.name().toLowerCase(Locale.ROOT)).toList())
            + ")", e);
      }
    }
    return new FindingFilter(levels, ignoreUnfixed);
  }

  public boolean keeps(Finding f) {
    return (severities.isEmpty() || severities.contains(f.severity().level()))
        && (!ignoreUnfixed || f.status() == FindingStatus.FIXED);
  }

  public MatchResult apply(MatchResult result) {
    return new MatchResult(result.findings().stream().filter(this::keeps).toList(), result.distro(), result.database(),
        result.problems());
  }
}
