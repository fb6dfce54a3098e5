package dev.customs.cli.command;

import dev.customs.core.image.Platform;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The image a user named on the command line: exactly one of a registry reference, an archive, an
 * OCI layout directory or a root filesystem directory. With an archive or layout, {@code image}
 * selects one image of a multi-image file (a RepoTag, an OCI ref name, or {@code @N}).
 */
public record ImageRequest(Optional<String> image, Optional<Path> input, Optional<Path> ociLayout,
    Optional<Path> rootfs, Optional<Platform> platform) {}
