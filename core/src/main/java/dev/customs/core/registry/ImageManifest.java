package dev.customs.core.registry;

import java.util.List;

/** A Docker v2 schema 2 or OCI image manifest: one config blob and the layers, bottom first. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements Manifest {}
