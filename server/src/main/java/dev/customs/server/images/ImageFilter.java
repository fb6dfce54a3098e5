package dev.customs.server.images;

import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.server.common.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code GET /api/v1/images} narrows the list by; every field is optional (null: no filter).
 * The vulnerability filters look at the findings of each image's latest scan.
 *
 * @param compliant true: verdict compliant; false: non-compliant (images not judged yet match neither)
 * @param severity images with at least one finding of this severity or higher
 * @param fixAvailable true: with at least one finding that has a fix; false: with none
 * @param vulnerability images with a finding of this id or alias
 * @param scannedSince images whose latest successful scan ran at or after this instant
 */
public record ImageFilter(String registry, String repository, Boolean compliant, SeverityLevel severity,
    Boolean fixAvailable, String vulnerability, Instant scannedSince) {

  public static final ImageFilter NONE = new ImageFilter(null, null, null, null, null, null, null);

  /** The SQL condition (on {@code images i} and {@code image_verdicts v}) and its parameters. */
  record Where(String sql, List<Object> params) {}

  Where where() {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (registry != null) {
      conditions.add("i.registry_host = ?");
      params.add(registry);
    }
    if (repository != null) {
      conditions.add("i.repository = ?");
      params.add(repository);
    }
    if (compliant != null) {
      conditions.add("v.verdict = ?");
      params.add(compliant ? "compliant" : "non_compliant");
    }
    if (severity != null) {
      List<SeverityLevel> atLeast = Arrays.stream(SeverityLevel.values())
          .filter(l -> l.compareTo(severity) >= 0).toList();
      conditions.add("v.verdict <> 'unknown' and exists (select 1 from findings f where f.job_id = v.job_id "
          + "and f.severity in (" + String.join(", ", atLeast.stream().map(l -> "?").toList()) + "))");
      atLeast.forEach(l -> params.add(l.name()));
    }
    if (fixAvailable != null) {
      conditions.add("v.verdict <> 'unknown' and " + (fixAvailable ? "" : "not ")
          + "exists (select 1 from findings f where f.job_id = v.job_id and (f.status = 'FIXED' or f.fixed_versions <> ''))");
    }
    if (vulnerability != null) {
      String id = vulnerability.strip().toUpperCase(Locale.ROOT);
      conditions.add("exists (select 1 from findings f where f.job_id = v.job_id "
          + "and (upper(f.vulnerability_id) = ? or upper(f.aliases) like ?))");
      params.add(id);
      params.add("%," + id.replace("%", "").replace("_", "\\_") + ",%");
    }
    if (scannedSince != null) {
      conditions.add("v.scanned_at >= ?");
      params.add(SqlTimes.param(scannedSince));
    }
    return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
  }
}
