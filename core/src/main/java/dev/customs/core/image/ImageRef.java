package dev.customs.core.image;

import java.util.Optional;

/**
 * A normalized image reference: registry host (with port), repository path, and a tag and/or a
 * digest. {@code docker.io} is the default registry and single-name Docker Hub repositories live
 * under {@code library/}, exactly as Docker and containerd normalize them.
 */
public record ImageRef(String registry, String repository, Optional<String> tag, Optional<Digest> digest) {

  /** registry/repository without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The tag if any, else the digest: what a registry's manifest endpoint is asked for. */
  public String manifestReference() {
    return digest.map(Digest::toString).orElseGet(() -> tag.orElse("latest"));
  }

  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
