package dev.customs.core.policy;

/**
 * One thing that made a control fail.
 *
 * @param kind what it is: {@code vulnerability}, {@code package}, {@code secret}, {@code label}…
 * @param subject what, e.g. {@code CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1}
 * @param location where, e.g. a file and layer, or empty when it is a fact of the whole image
 */
public record Offense(String kind, String subject, String location) {
  public static Offense of(String kind, String subject) {
    return new Offense(kind, subject, "");
  }

  @Override
  public String toString() {
    return location.isEmpty() ? subject : subject + " (" + location + ")";
  }
}
