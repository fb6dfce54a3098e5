package dev.customs.server.scanning;

import dev.customs.server.common.SqlTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scan_results} table: one gzip-compressed inventory document per successful scan. */
@Repository
public class ScanResultRepository {
  /** Summary of a stored result, without the document. */
  public record ScanSummary(UUID jobId, String digest, int packageCount, int problemCount, Instant createdAt) {}

  private final JdbcClient jdbc;

  public ScanResultRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID jobId, UUID imageId, String digest, int packages, int problems, byte[] gzippedInventory,
      Instant now) {
    jdbc.sql("""
        insert into scan_results (job_id, image_id, digest, package_count, problem_count, inventory, created_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(jobId, imageId, digest, packages, problems, gzippedInventory, SqlTimes.param(now)).update();
  }

  /** The newest result of an image: what lists and details show. */
  public Optional<ScanSummary> latest(UUID imageId) {
    return jdbc.sql("select job_id, digest, package_count, problem_count, created_at from scan_results "
        + "where image_id = ? order by created_at desc limit 1")
        .param(imageId)
        .query((rs, row) -> new ScanSummary(rs.getObject("job_id", UUID.class), rs.getString("digest"),
            rs.getInt("package_count"), rs.getInt("problem_count"), SqlTimes.instant(rs, "created_at")))
        .optional();
  }

  public Optional<byte[]> inventory(UUID jobId) {
    return jdbc.sql("select inventory from scan_results where job_id = ?").param(jobId)
        .query((rs, row) -> rs.getBytes("inventory")).optional();
  }
}
