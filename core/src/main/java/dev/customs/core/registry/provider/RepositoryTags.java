package dev.customs.core.registry.provider;

import java.util.List;
import java.util.Set;

/**
 * The tags one enumeration run kept for one repository, newest first where dates are known.
 *
 * @param tags the tags kept after filters and limits
 * @param listed every tag name the registry listed for the repository, before any filter: what
 *     tells a deleted tag (absent here) from one a filter left out
 */
public record RepositoryTags(String repository, List<TagInfo> tags, Set<String> listed) {

  public RepositoryTags {
    tags = List.copyOf(tags);
    listed = Set.copyOf(listed);
  }
}
