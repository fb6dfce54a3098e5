package dev.customs.core.image;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of distribution/reference (the code Docker and containerd share), rebuilt from its
 * documented grammar so that Customs accepts and rejects exactly the references they do.
 */
final class ImageRefParser {
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
  private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private ImageRefParser() {}

  static ImageRef parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("", "repository name must have at least one component");
    }
    if (HEX_ID.matcher(text).matches()) {
      throw invalid(text, "cannot specify 64-byte hexadecimal strings (that is an image id, not a name)");
    }
    String[] split = splitDomain(text);
    String remainder = split[1];
    int tagSeparator = remainder.indexOf(':');
    String remote = tagSeparator >= 0 ? remainder.substring(0, tagSeparator) : remainder;
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw invalid(text, "repository name (" + remote + ") must be lowercase");
    }
    return fromMatch(text, split[0], split[0] + "/" + remainder);
  }

  /**
   * The first path component is a registry only if it looks like a host (has a dot or a port, or
   * is {@code localhost}) or has uppercase letters, which a repository cannot.
   */
  private static String[] splitDomain(String text) {
    int slash = text.indexOf('/');
    String domain;
    String remainder;
    String first = slash < 0 ? "" : text.substring(0, slash);
    if (slash < 0 || (first.indexOf('.') < 0 && first.indexOf(':') < 0 && !first.equals("localhost")
        && first.toLowerCase(Locale.ROOT).equals(first))) {
      domain = ImageRef.DOCKER_HUB;
      remainder = text;
    } else {
      domain = first;
      remainder = text.substring(slash + 1);
    }
    if (domain.equals("index.docker.io")) {
      domain = ImageRef.DOCKER_HUB;
    }
    if (domain.equals(ImageRef.DOCKER_HUB) && remainder.indexOf('/') < 0) {
      remainder = "library/" + remainder;
    }
    return new String[] {domain, remainder};
  }

  private static ImageRef fromMatch(String text, String domain, String normalized) {
    Matcher m = REFERENCE.matcher(normalized);
    if (!m.matches()) {
      throw invalid(text, "invalid reference format (expected [registry/]repository[:tag][@digest])");
    }
    String name = m.group(1);
    if (name.length() > NAME_TOTAL_LENGTH_MAX) {
      throw invalid(text, "repository name must not be more than " + NAME_TOTAL_LENGTH_MAX + " characters");
    }
    Optional<Digest> digest = Optional.empty();
    if (m.group(3) != null) {
      try {
        digest = Optional.of(Digest.parse(m.group(3)));
      } catch (IllegalArgumentException e) {
        throw invalid(text, e.getMessage());
      }
    }
    Optional<String> tag = Optional.ofNullable(m.group(2));
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest"); // what docker pull asks for; TagNameOnly in distribution/reference
    }
    return new ImageRef(domain, name.substring(domain.length() + 1), tag, digest);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid image reference \"" + text + "\": " + reason);
  }
}
