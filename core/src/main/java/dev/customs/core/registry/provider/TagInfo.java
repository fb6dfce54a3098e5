package dev.customs.core.registry.provider;

import java.time.Instant;

/**
 * A tag as a registry's listing shows it.
 *
 * @param name the tag
 * @param updated when it was last pushed, or null where the listing has no dates (plain v2)
 * @param digest the manifest digest, or null where the listing does not show it
 */
public record TagInfo(String name, Instant updated, String digest) {

  public static TagInfo named(String name) {
    return new TagInfo(name, null, null);
  }
}
