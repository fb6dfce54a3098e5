package dev.customs.core.inventory;

/**
 * An account of the image's {@code etc/passwd}, kept so that policies can tell whether the image's
 * configured user (a name or a uid) is root.
 */
public record UserAccount(String name, long uid, long gid, String home, String shell) {}
