package dev.customs.core.image;

/**
 * One layer of an image as the manifest and config describe it.
 *
 * @param mediaType the manifest's media type for the blob (it says how the blob is compressed)
 * @param digest the digest of the blob as stored (compressed)
 * @param size the stored size in bytes, or -1 when the source does not know it
 * @param diffId the digest of the uncompressed tar, from the config's {@code rootfs.diff_ids}
 */
public record LayerDescriptor(String mediaType, Digest digest, long size, Digest diffId) {}
