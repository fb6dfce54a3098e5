package dev.customs.server.assessments;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.report.InventoryJsonReader;
import dev.customs.server.scanning.ScanResultRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/** The inventories scans stored, read back for judging again and for reports: never a new pull. */
@Component
public class StoredInventories {
  private final ScanResultRepository results;

  public StoredInventories(ScanResultRepository results) {
    this.results = results;
  }

  /** The inventory of a successful scan; empty when the scan (or its image) was deleted. */
  public Optional<Inventory> of(UUID jobId) {
    return results.inventory(jobId).map(gzipped -> {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
        return new InventoryJsonReader().read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("stored inventory of scan " + jobId + " cannot be read", e);
      }
    });
  }
}
