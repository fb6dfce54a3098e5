package dev.customs.core.registry;

/** A parsed manifest: either one image, or an index of per-platform images. */
public sealed interface Manifest permits ImageManifest, ImageIndex {
  String mediaType();
}
