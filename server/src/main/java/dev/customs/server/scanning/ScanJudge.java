package dev.customs.server.scanning;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.analyzer.files.FileRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Matches and judges what a scan found, implemented by the assessments feature so that scanning
 * does not depend on it. The work is split in two: the slow part (matching, evaluating) runs in the
 * worker before the scan completes, the storing part inside the transaction that completes it, so a
 * scan's inventory and its judgement are committed together.
 */
public interface ScanJudge {
  /**
   * The judging of one scan, with the policies as they are when it starts: the file rules the
   * layer analysis applies and the evaluation come from the same policies (read once).
   */
  Judging start();

  /** One scan's judging. */
  interface Judging {
    /** The content rules the policies' files controls need the layer analysis to apply. */
    List<FileRule> fileRules();

    /** Matches and judges the freshly scanned inventory of the image; runs outside any transaction. */
    Judged judge(UUID imageId, Inventory inventory);
  }

  /** A judgement ready to be stored. */
  interface Judged {
    /** Stores it as the judgement of the scan; called inside the scan's completing transaction. */
    void record(UUID jobId, UUID imageId, Instant scannedAt);
  }
}
