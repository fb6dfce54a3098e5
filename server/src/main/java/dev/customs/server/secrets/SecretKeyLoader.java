package dev.customs.server.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the AES-256 key that protects stored secrets: {@code CUSTOMS_SECRET_KEY} (base64 of 32 bytes)
 * when set, else the key file {@code secret.key} in the data directory, created on first start
 * readable by its owner only. Losing the key makes stored credentials unreadable, so the file is never
 * overwritten.
 */
public final class SecretKeyLoader {
  static final String KEY_FILE = "secret.key";
  private static final int KEY_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyLoader.class);

  private SecretKeyLoader() {}

  public static SecretKey load(String base64, Path homeDir) {
    if (!base64.isBlank()) {
      return decode(base64, "CUSTOMS_SECRET_KEY");
    }
    Path file = homeDir.resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      warnIfShared(file);
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the secret key file " + file + ": " + e.getMessage()
          + ". Make the data directory writable, or set CUSTOMS_SECRET_KEY.", e);
    }
  }

  private static SecretKey decode(String base64, String origin) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The secret key in " + origin + " is not valid base64; generate one with "
          + "'openssl rand -base64 32'.", e);
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException("The secret key in " + origin + " is " + bytes.length + " bytes; it must be "
          + KEY_BYTES + " (generate one with 'openssl rand -base64 32').");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      if (supportsPosix(file)) {
        // Created with 0600 from the start: no window in which the key is readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("Created the secret key file {}; back it up: stored registry credentials need it.", file);
    } catch (FileAlreadyExistsException raced) {
      LOG.debug("Another process created {} first; using it", file);
    }
  }

  private static void warnIfShared(Path file) throws IOException {
    if (!supportsPosix(file)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
      LOG.warn("The secret key file {} is readable by others ({}); run 'chmod 600 {}'.", file,
          PosixFilePermissions.toString(perms), file);
    }
  }

  private static boolean supportsPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
