package dev.customs.server.registries;

/** How the server authenticates to a registry: anonymously, with username and password, or with a token. */
public enum AuthKind {
  NONE, PASSWORD, TOKEN
}
