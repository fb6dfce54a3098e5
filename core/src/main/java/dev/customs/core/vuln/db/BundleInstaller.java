package dev.customs.core.vuln.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Installs a bundle built elsewhere ({@code customs db import FILE}): the file must come with its
 * {@code .sha256} sidecar and match it, pass the integrity check and have this Customs's schema
 * version. It is then copied beside the target and renamed over it, so a refused or interrupted
 * import leaves the installed bundle as it was.
 */
public final class BundleInstaller {
  private BundleInstaller() {}

  public static BundleMetadata install(Path bundle, Path target) throws BundleException {
    if (!Files.isRegularFile(bundle)) {
      throw new BundleException("cannot import " + bundle + ": no such file");
    }
    Path temp = null;
    try {
      String sha256 = BundleChecksum.verify(bundle);
      BundleMetadata metadata = BundleVerifier.verify(bundle, sha256);
      BundleFiles.removeAbandonedTemporaries(target, java.time.Instant.now());
      temp = BundleFiles.temporaryBeside(target);
      Files.copy(bundle, temp, StandardCopyOption.REPLACE_EXISTING);
      String copied = BundleChecksum.sha256(temp);
      if (!copied.equals(sha256)) {
        throw new BundleException("the copy of " + bundle + " at " + temp + " does not match its checksum");
      }
      BundleFiles.publish(temp, sha256, target);
      return metadata;
    } catch (IOException e) {
      throw new BundleException("cannot import " + bundle + " to " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A leftover temporary copy never has the bundle's name; nothing reads it.
        }
      }
    }
  }
}
