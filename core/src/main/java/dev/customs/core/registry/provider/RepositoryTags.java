package dev.customs.core.registry.provider;

import java.util.List;

/** The tags one enumeration run kept for one repository, newest first where dates are known. */
public record RepositoryTags(String repository, List<TagInfo> tags) {

  public RepositoryTags {
    tags = List.copyOf(tags);
  }
}
