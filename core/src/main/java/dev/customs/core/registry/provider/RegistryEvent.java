package dev.customs.core.registry.provider;

/**
 * What a webhook delivery says happened to one image: a push or a delete.
 *
 * @param kind push or delete
 * @param repository the repository path inside the registry, e.g. {@code library/nginx}
 * @param tag the tag, or null when the event names only a digest (or a whole repository)
 * @param digest the manifest digest, or null when the registry does not send one (Quay, Nexus, Docker Hub)
 * @param mediaType the manifest media type, or null when not sent
 */
public record RegistryEvent(Kind kind, String repository, String tag, String digest, String mediaType) {

  /** What happened. */
  public enum Kind { PUSH, DELETE }

  public RegistryEvent {
    if (kind == null || repository == null || repository.isBlank()) {
      throw new IllegalArgumentException("an event needs a kind and a repository");
    }
    tag = blankToNull(tag);
    digest = blankToNull(digest);
    mediaType = blankToNull(mediaType);
  }

  public static RegistryEvent push(String repository, String tag, String digest, String mediaType) {
    return new RegistryEvent(Kind.PUSH, repository, tag, digest, mediaType);
  }

  public static RegistryEvent delete(String repository, String tag, String digest) {
    return new RegistryEvent(Kind.DELETE, repository, tag, digest, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
