package dev.customs.core.inventory.analyzer.osrelease;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names of distributions as vulnerability feeds key them. os-release {@code ID}s are mostly those
 * names already; the exceptions are mapped. Release-file first lines ("Rocky Linux release 9.4") are
 * recognised by their product name.
 */
final class OsFamilies {
  private static final Map<String, String> BY_OS_RELEASE_ID = Map.of(
      "ol", "oracle",
      "mariner", "cbl-mariner",
      "opensuse", "opensuse-leap",
      "sled", "sles",
      "redhat", "rhel");

  /** Product names at the start of release files, most specific first ("CentOS Stream" before "CentOS"). */
  private static final List<Map.Entry<String, String>> BY_PRODUCT = List.of(
      Map.entry("red hat enterprise linux", "rhel"),
      Map.entry("centos", "centos"),
      Map.entry("rocky linux", "rocky"),
      Map.entry("almalinux", "almalinux"),
      Map.entry("fedora", "fedora"),
      Map.entry("amazon linux", "amzn"),
      Map.entry("oracle linux", "oracle"),
      Map.entry("cbl-mariner", "cbl-mariner"),
      Map.entry("microsoft azure linux", "azurelinux"),
      Map.entry("vmware photon", "photon"),
      Map.entry("suse linux enterprise", "sles"),
      Map.entry("opensuse", "opensuse-leap"));

  private OsFamilies() {}

  /** The family for an os-release {@code ID} (or lsb-release {@code DISTRIB_ID}). */
  static String fromId(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return BY_OS_RELEASE_ID.getOrDefault(lower, lower);
  }

  /** The family named at the start of a release file's first line, if it is a known one. */
  static Optional<String> fromProduct(String firstLine) {
    String lower = firstLine.strip().toLowerCase(Locale.ROOT);
    return BY_PRODUCT.stream().filter(e -> lower.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
  }
}
