package dev.customs.core.report;

import java.net.URI;
import java.net.URISyntaxException;

/** Relative URI references for file paths in an image, as SARIF's artifactLocation.uri needs them. */
final class SarifUris {
  private SarifUris() {}

  /** Percent-encodes what a URI path cannot hold (spaces, {@code %}, non-ASCII). */
  static String encode(String path) {
    String relative = path.replaceFirst("^/+", "");
    int colon = relative.indexOf(':');
    int slash = relative.indexOf('/');
    // "a:b/c" would read as a URI with scheme "a": "./a:b/c" is the same file, relative.
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      relative = "./" + relative;
    }
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      // The multi-argument constructor quotes every illegal character, so a relative path never fails.
      throw new IllegalStateException("cannot encode " + path + " as a URI: " + e.getMessage(), e);
    }
  }
}
