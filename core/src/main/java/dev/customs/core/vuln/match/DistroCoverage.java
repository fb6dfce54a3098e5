package dev.customs.core.vuln.match;

/**
 * Whether the vulnerability data covers the image's distro release.
 *
 * @param ecosystemKey the key the release is looked up by ({@code debian:12}), or empty when the
 *     distro has no key (an OS Customs cannot match)
 * @param name how people call it ({@code debian 13})
 * @param covered whether the database holds any record for that key; when false, the OS packages
 *     were NOT checked, which is not the same as "no vulnerabilities"
 */
public record DistroCoverage(String ecosystemKey, String name, boolean covered) {
  /** The sentence a report prints when the release is not covered. */
  public String notCoveredMessage() {
    return name + ": not covered by the vulnerability data (its OS packages were not checked)";
  }
}
