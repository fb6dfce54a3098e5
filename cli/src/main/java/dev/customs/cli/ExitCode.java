package dev.customs.cli;

/** The exit codes pipelines rely on; documented in the README's CLI reference. */
public final class ExitCode {
  public static final int OK = 0;
  /** The image is not compliant (scan with a blocking policy failure, or --exit-code on findings). */
  public static final int NOT_COMPLIANT = 1;
  /** Wrong flags or arguments. */
  public static final int USAGE = 2;
  /** The image could not be read: unreachable registry, bad credentials, corrupt archive. */
  public static final int IMAGE_UNREADABLE = 3;
  /**
   * No usable vulnerability database (none yet, damaged, wrong checksum or schema version), or
   * building or importing one failed. Like an unreadable image, the scan cannot be trusted: 3.
   */
  public static final int DB_UNAVAILABLE = 3;
  /** The scan took longer than {@code --timeout} and was abandoned: no verdict, like an unreadable image. */
  public static final int TIMED_OUT = 3;

  /** {@code scan --server}: the server could not be reached, refused the token, or has no vulnerability data. */
  public static final int SERVER_UNAVAILABLE = 3;

  private ExitCode() {}
}
