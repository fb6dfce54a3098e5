package dev.customs.core.inventory;

import dev.customs.core.image.Digest;

/** A secret in a file of the final filesystem, with the layer that holds that file. */
public record InventorySecret(SecretFinding finding, Digest layerDiffId) {}
