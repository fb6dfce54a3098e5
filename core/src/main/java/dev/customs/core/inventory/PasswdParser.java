package dev.customs.core.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code etc/passwd} ({@code name:password:uid:gid:gecos:home:shell}); malformed lines are skipped. */
final class PasswdParser {
  /** The passwd file is read only up to this size: a real one is a few kilobytes. */
  static final long MAX_SIZE = 1 << 20;
  static final String PATH = "etc/passwd";

  private PasswdParser() {}

  static List<UserAccount> parse(byte[] content) {
    List<UserAccount> accounts = new ArrayList<>();
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.strip().split(":", -1);
      if (f.length != 7 || f[0].isEmpty() || f[0].startsWith("#")) {
        continue;
      }
      try {
        accounts.add(new UserAccount(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[5], f[6]));
      } catch (NumberFormatException e) {
        // not an account line (NIS "+" entries and the like): the others still count
      }
    }
    return accounts;
  }
}
