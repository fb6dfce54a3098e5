package dev.customs.server.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user or token may do. ADMIN changes everything; SCANNER registers images and queues scans
 * (and reads the images and scans it needs to follow them); AUDITOR reads everything but secrets.
 */
public enum Role {
  ADMIN, SCANNER, AUDITOR;

  public SimpleGrantedAuthority authority() {
    return new SimpleGrantedAuthority("ROLE_" + name());
  }

  /** Accepts any letter case; the error lists the valid roles. */
  public static Role parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role \"" + text + "\"; expected one of "
          + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
