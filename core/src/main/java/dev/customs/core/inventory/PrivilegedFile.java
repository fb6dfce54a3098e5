package dev.customs.core.inventory;

/**
 * A regular file with the setuid or setgid bit, kept for policies (a privilege escalation path).
 *
 * @param mode the permission bits, including {@code 04000} (setuid) and {@code 02000} (setgid)
 * @param uid the owner
 */
public record PrivilegedFile(String path, int mode, long uid) {
  public static final int SETUID = 04000;
  public static final int SETGID = 02000;

  public boolean setuid() {
    return (mode & SETUID) != 0;
  }

  public boolean setgid() {
    return (mode & SETGID) != 0;
  }
}
