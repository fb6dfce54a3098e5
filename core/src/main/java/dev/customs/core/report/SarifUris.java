package dev.customs.core.report;

import java.net.URI;
import java.net.URISyntaxException;

/** Relative URI references for file paths in an image, as SARIF's artifactLocation.uri needs them. */
final class SarifUris {
  private SarifUris() {}

  /** Percent-encodes what a URI path cannot hold (spaces, non-ASCII stays encoded by URI rules). */
  static String encode(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      // Only a path with a colon before any slash is refused (it would read as a scheme): prefix it.
      return encode("./" + path);
    }
  }
}
