package dev.customs.core.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of an RFC 8288 {@code Link} header, as registries paginate lists. */
public final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

  private LinkHeader() {}

  public static Optional<String> next(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(header.get());
    while (link.find()) {
      Matcher rel = REL_NEXT.matcher(link.group(2));
      while (rel.find()) {
        for (String value : rel.group(1).strip().split("\\s+")) {
          if (value.equals("next")) {
            return Optional.of(link.group(1).strip());
          }
        }
      }
    }
    return Optional.empty();
  }
}
