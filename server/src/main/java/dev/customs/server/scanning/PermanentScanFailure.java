package dev.customs.server.scanning;

/** A scan that cannot succeed by retrying (its image or registry is gone): dead-lettered at once. */
class PermanentScanFailure extends RuntimeException {
  PermanentScanFailure(String message) {
    super(message);
  }
}
