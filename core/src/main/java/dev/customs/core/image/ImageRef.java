package dev.customs.core.image;

import java.util.Optional;

/**
 * A normalized image reference: registry host (with port), repository path, and a tag and/or a
 * digest. {@code docker.io} is the default registry and single-name Docker Hub repositories live
 * under {@code library/}, exactly as Docker and containerd normalize them.
 */
public record ImageRef(String registry, String repository, Optional<String> tag, Optional<Digest> digest) {
  /** The registry Docker assumes when a reference names none. */
  public static final String DOCKER_HUB = "docker.io";

  /**
   * Parses and normalizes a reference the way {@code docker pull} does (distribution/reference
   * {@code ParseNormalizedNamed} followed by {@code TagNameOnly}): {@code alpine} becomes
   * {@code docker.io/library/alpine:latest}. Throws IllegalArgumentException saying what is wrong.
   */
  public static ImageRef parse(String text) {
    return ImageRefParser.parse(text);
  }

  /** registry/repository without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The tag if any, else the digest: what a registry's manifest endpoint is asked for. */
  public String manifestReference() {
    return digest.map(Digest::toString).orElseGet(() -> tag.orElse("latest"));
  }

  /**
   * The short form people type, as {@code docker images} prints it: {@code docker.io/} and
   * {@code library/} are dropped for Docker Hub (distribution/reference {@code FamiliarString}).
   */
  public String familiar() {
    String name = name();
    if (registry.equals(DOCKER_HUB)) {
      name = repository.startsWith("library/") && repository.indexOf('/', 8) < 0
          ? repository.substring(8) : repository;
    }
    return name + suffix();
  }

  private String suffix() {
    return tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }

  @Override
  public String toString() {
    return name() + suffix();
  }
}
