package dev.customs.core.layer;

import java.util.Optional;

/**
 * One entry of a layer.
 *
 * @param path normalized path relative to the image root: no leading slash, no {@code .} or
 *     {@code ..} segments, never empty (the root itself is not an entry) except for an opaque
 *     whiteout of the root
 * @param type what the entry is; for whiteouts {@code path} is the path being deleted
 * @param size the content size in bytes (0 for everything but files)
 * @param mode the permission bits including setuid/setgid/sticky ({@code 04000}, {@code 02000}, {@code 01000})
 * @param linkTarget for symlinks the target as written; for hard links the normalized path of the
 *     linked entry
 */
public record LayerEntry(String path, EntryType type, long size, int mode, long uid, long gid,
    Optional<String> linkTarget) {

  public boolean isFile() {
    return type == EntryType.FILE;
  }

  /** The last path segment. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
