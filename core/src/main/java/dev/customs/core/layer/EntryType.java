package dev.customs.core.layer;

/** What a layer entry is. Whiteouts are markers for the applier, not files. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARDLINK,
  /** {@code dir/.wh.name}: {@code dir/name} of lower layers is deleted; the entry's path is {@code dir/name}. */
  WHITEOUT,
  /** {@code dir/.wh..wh..opq}: everything below {@code dir} from lower layers is deleted; the path is {@code dir}. */
  OPAQUE_WHITEOUT,
  /** Devices, fifos and the like: reported, never read. */
  OTHER
}
