package dev.customs.core.inventory.analyzer.golang;

/** Go build info that is present but cannot be read: a truncated or corrupt binary. */
public class GoBuildInfoException extends Exception {
  public GoBuildInfoException(String message) {
    super(message);
  }
}
