package dev.customs.core.policy;

/**
 * A vulnerability left out of a judgement, and why.
 *
 * @param source what suppressed it: {@code exception}, {@code ignorefile .customsignore:3},
 *     {@code vex openvex.json}
 * @param reason the justification as written
 */
public record Suppression(VulnerabilityView vulnerability, String source, String reason) {
  @Override
  public String toString() {
    return vulnerability.label() + " suppressed by " + source + ": " + reason;
  }
}
