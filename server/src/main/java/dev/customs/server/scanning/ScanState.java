package dev.customs.server.scanning;

/**
 * Where a scan job is. QUEUED → RUNNING → SUCCEEDED; a failure goes back to QUEUED (with backoff)
 * until the attempts are used up, then DEAD (dead-letter, with the last error kept); only QUEUED
 * jobs can be CANCELLED.
 */
public enum ScanState {
  QUEUED, RUNNING, SUCCEEDED, DEAD, CANCELLED
}
