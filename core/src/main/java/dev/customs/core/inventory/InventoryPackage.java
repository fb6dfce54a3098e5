package dev.customs.core.inventory;

import dev.customs.core.image.Digest;

/**
 * A package of the final image filesystem.
 *
 * @param pkg the package as its analyzer reported it (licenses completed by license hints)
 * @param purl its package URL, or empty when none could be built (a problem says why)
 * @param layerDiffId the layer that introduced it (for a package database rewritten by later
 *     layers: the lowest layer of the unbroken run of databases that list it)
 * @param analyzer the analyzer that found it
 */
public record InventoryPackage(Package pkg, String purl, Digest layerDiffId, String analyzer) {}
