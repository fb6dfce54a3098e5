package dev.customs.server.assessments;

import dev.customs.core.policy.VulnerabilityView;
import dev.customs.core.vuln.model.SeverityLevel;

/**
 * One finding as the {@code findings} table keeps it: everything policies judge (core's
 * {@link VulnerabilityView}) plus the title people read, so a scan can be judged again from its
 * stored findings without matching.
 */
public record StoredFinding(VulnerabilityView view, String title) {

  /** Whether it should be announced as severe: critical, or known to be exploited. */
  public boolean severe() {
    return view.severity() == SeverityLevel.CRITICAL || view.knownExploited();
  }

  /** What identifies it within one image, to tell new findings from known ones. */
  public String key() {
    return view.id() + "\u0000" + view.packageName();
  }
}
