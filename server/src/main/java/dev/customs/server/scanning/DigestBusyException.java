package dev.customs.server.scanning;

/** Another job is scanning the same manifest digest right now; this one waits without using an attempt. */
class DigestBusyException extends RuntimeException {
  DigestBusyException(String digest) {
    super("another scan of " + digest + " is running");
  }
}
