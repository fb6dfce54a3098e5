package dev.customs.core.vuln.db;

import java.util.regex.Pattern;

/**
 * Where a bundle lives in a registry: {@code oci://HOST[:PORT]/REPO:TAG}. The tag is required: a
 * bundle is published under a name that says which one it is (e.g. {@code latest}, {@code 2026-11-22}).
 *
 * @param registry the registry host as references write it, e.g. {@code 127.0.0.1:5000}
 * @param repository e.g. {@code security/customs-db}
 */
public record BundleReference(String registry, String repository, String tag) {
  private static final String PREFIX = "oci://";
  private static final Pattern REPOSITORY = Pattern.compile(
      "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** Parses {@code oci://HOST/REPO:TAG}; throws IllegalArgumentException saying what is wrong. */
  public static BundleReference parse(String text) {
    if (!text.startsWith(PREFIX)) {
      throw invalid(text, "it must start with " + PREFIX);
    }
    String rest = text.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw invalid(text, "expected oci://HOST/REPO:TAG");
    }
    String path = rest.substring(slash + 1);
    int colon = path.lastIndexOf(':');
    if (colon < 0 || colon < path.lastIndexOf('/')) {
      throw invalid(text, "no tag; expected oci://HOST/REPO:TAG");
    }
    String repository = path.substring(0, colon);
    String tag = path.substring(colon + 1);
    if (!REPOSITORY.matcher(repository).matches()) {
      throw invalid(text, "\"" + repository + "\" is not a valid repository name (lower-case letters, digits,"
          + " separators . _ - and /)");
    }
    if (!TAG.matcher(tag).matches()) {
      throw invalid(text, "\"" + tag + "\" is not a valid tag");
    }
    return new BundleReference(rest.substring(0, slash), repository, tag);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid bundle reference \"" + text + "\": " + reason);
  }

  @Override
  public String toString() {
    return PREFIX + registry + "/" + repository + ":" + tag;
  }
}
