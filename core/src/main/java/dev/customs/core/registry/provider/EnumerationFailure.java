package dev.customs.core.registry.provider;

/** A repository whose tags could not be listed; the run goes on without it. */
public record EnumerationFailure(String repository, String message) {
}
