package dev.customs.core.inventory;

/**
 * The operating system of an image.
 *
 * @param family the distro id as vulnerability feeds name it: {@code debian}, {@code ubuntu},
 *     {@code alpine}, {@code rhel}, {@code centos}, {@code rocky}, {@code almalinux}, {@code
 *     amzn}, {@code sles}, {@code opensuse-leap}, {@code cbl-mariner}, {@code azurelinux}, {@code
 *     photon}, {@code wolfi}, {@code chainguard}…
 * @param version the full release version ({@code 12.7}, {@code 3.20.3}, {@code 9.4})
 * @param prettyName the human name, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 */
public record OsRelease(String family, String version, String prettyName) {}
