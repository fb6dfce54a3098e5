package dev.customs.core.vuln.db;

import java.nio.file.Path;

/** There is no bundle where one was expected. */
public final class BundleMissingException extends BundleException {
  private static final long serialVersionUID = 1L;

  public BundleMissingException(Path path) {
    super("no vulnerability database at " + path + ": build one with 'customs db build --feed KIND=PATH_OR_URL …'"
        + " or install a published bundle with 'customs db import FILE'");
  }
}
