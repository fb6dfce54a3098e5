package dev.customs.server.assessments;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.policy.VulnerabilityView;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.server.common.SqlTimes;
import dev.customs.server.events.ImageSubject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code findings}, {@code scan_assessments} and {@code image_verdicts} tables. */
@Repository
public class JudgementRepository {
  /** Aliases and fixed versions are kept as {@code ,a,b,} so one id can be found with {@code like '%,ID,%'}. */
  private static final String SEPARATOR = ",";

  /** An image's current judgement, as {@code image_verdicts} holds it. */
  public record Current(UUID imageId, UUID jobId, Instant scannedAt, String verdict, Instant judgedAt) {}

  /** What a stored judgement was made with, to tell whether it is current and to judge again without matching. */
  public record Basis(String vulnDataSha256, Instant vulnDataBuiltAt, Optional<Boolean> distroCovered,
      List<String> matchProblems, String policyRevision) {}

  private final JdbcClient jdbc;

  public JudgementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The image's current judgement, locked until the transaction ends (judgements of one image queue up). */
  public Optional<Current> lockCurrent(UUID imageId) {
    return jdbc.sql("select * from image_verdicts where image_id = ? for update").param(imageId)
        .query(JudgementRepository::current).optional();
  }

  public Optional<Current> current(UUID imageId) {
    return jdbc.sql("select * from image_verdicts where image_id = ?").param(imageId)
        .query(JudgementRepository::current).optional();
  }

  public void saveCurrent(Current c, boolean exists) {
    if (exists) {
      jdbc.sql("update image_verdicts set job_id = ?, scanned_at = ?, verdict = ?, judged_at = ? where image_id = ?")
          .params(c.jobId(), SqlTimes.param(c.scannedAt()), c.verdict(), SqlTimes.param(c.judgedAt()), c.imageId())
          .update();
    } else {
      jdbc.sql("insert into image_verdicts (image_id, job_id, scanned_at, verdict, judged_at) values (?, ?, ?, ?, ?)")
          .params(c.imageId(), c.jobId(), SqlTimes.param(c.scannedAt()), c.verdict(), SqlTimes.param(c.judgedAt()))
          .update();
    }
  }

  public void replaceFindings(UUID jobId, UUID imageId, List<StoredFinding> findings) {
    jdbc.sql("delete from findings where job_id = ?").param(jobId).update();
    for (StoredFinding f : findings) {
      VulnerabilityView v = f.view();
      jdbc.sql("""
          insert into findings (job_id, image_id, vulnerability_id, aliases, package_name, ecosystem, installed_version,
            purl, fixed_versions, status, severity, cvss_v3, cvss_v4, kev, epss, published, layer_diff_id, title)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(jobId, imageId, v.id(), joined(v.aliases(), 4000), v.packageName(), v.ecosystem().name(),
              v.packageVersion(), v.purl(), joined(v.fixedVersions(), 2000), v.status().name(), v.severity().name(),
              v.cvssV3().orElse(null), v.cvssV4().orElse(null), v.knownExploited(), v.epss().orElse(null),
              v.published().map(Date::valueOf).orElse(null), v.layerDiffId().map(Digest::toString).orElse(null),
              f.title().length() > 1000 ? f.title().substring(0, 1000) : f.title())
          .update();
    }
  }

  /** The findings of one scan, most severe first. */
  public List<StoredFinding> findings(UUID jobId) {
    return jdbc.sql("select * from findings where job_id = ? order by " + SEVERITY_ORDER
        + ", vulnerability_id, package_name").param(jobId).query(JudgementRepository::finding).list();
  }

  public void saveAssessment(UUID jobId, UUID imageId, Judgement j, byte[] gzippedAssessment) {
    jdbc.sql("delete from scan_assessments where job_id = ?").param(jobId).update();
    jdbc.sql("""
        insert into scan_assessments (job_id, image_id, verdict, assessment, vuln_data_sha256, vuln_data_built_at,
          distro_covered, match_problems, policy_revision, judged_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(jobId, imageId, j.verdict(), gzippedAssessment, j.vulnData().map(m -> m.sha256()).orElse(null),
            SqlTimes.param(j.vulnData().map(m -> m.builtAt()).orElse(null)), j.distroCovered().orElse(null),
            problems(j.matchProblems()), j.policyRevision(), SqlTimes.param(j.judgedAt()))
        .update();
  }

  public Optional<Basis> basis(UUID jobId) {
    return jdbc.sql("select * from scan_assessments where job_id = ?").param(jobId).query((rs, row) -> {
      String problems = rs.getString("match_problems");
      Boolean covered = rs.getObject("distro_covered", Boolean.class);
      return new Basis(rs.getString("vuln_data_sha256"), SqlTimes.instant(rs, "vuln_data_built_at"),
          Optional.ofNullable(covered), problems.isEmpty() ? List.of() : List.of(problems.split("\n")),
          rs.getString("policy_revision"));
    }).optional();
  }

  public Optional<byte[]> assessment(UUID jobId) {
    return jdbc.sql("select assessment from scan_assessments where job_id = ? and assessment is not null")
        .param(jobId).query((rs, row) -> rs.getBytes("assessment")).optional();
  }

  /**
   * Images whose current judgement was not made with this bundle and policy revision (or that have a
   * successful scan but no judgement yet), after {@code after} in id order: the next batch to re-judge.
   */
  public List<UUID> stale(String vulnDataSha256, String policyRevision, UUID after, int limit) {
    return jdbc.sql("""
        select i.id from images i
        where i.id > ? and exists (select 1 from scan_results r where r.image_id = i.id)
          and not exists (select 1 from image_verdicts v join scan_assessments a on a.job_id = v.job_id
            where v.image_id = i.id and a.policy_revision = ? and coalesce(a.vuln_data_sha256, '') = ?)
        order by i.id limit ?""")
        .params(after, policyRevision, vulnDataSha256 == null ? "" : vulnDataSha256, limit)
        .query(UUID.class).list();
  }

  /** Counts of images by current verdict. */
  public long countByVerdict(String verdict) {
    return jdbc.sql("select count(*) from image_verdicts where verdict = ?").param(verdict).query(Long.class).single();
  }

  /** The image as events name it. */
  public Optional<ImageSubject> subject(UUID imageId) {
    return jdbc.sql("select id, registry_id, registry_host, repository, reference, digest from images where id = ?")
        .param(imageId).query((rs, row) -> new ImageSubject(rs.getObject("id", UUID.class),
            rs.getObject("registry_id", UUID.class), rs.getString("registry_host"), rs.getString("repository"),
            rs.getString("reference"), rs.getString("digest"))).optional();
  }

  static final String SEVERITY_ORDER = "case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 "
      + "when 'LOW' then 3 when 'NEGLIGIBLE' then 4 else 5 end";

  private static String joined(List<String> values, int max) {
    String text = values.isEmpty() ? "" : SEPARATOR + String.join(SEPARATOR, values) + SEPARATOR;
    return text.length() > max ? text.substring(0, text.lastIndexOf(SEPARATOR, max - 1) + 1) : text;
  }

  private static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of()
        : Arrays.stream(text.split(SEPARATOR)).filter(s -> !s.isEmpty()).toList();
  }

  /** At most 200 problems, each cut to 400 characters: enough to say what is wrong, bounded in size. */
  private static String problems(List<String> problems) {
    List<String> kept = problems.stream().limit(200).map(p -> p.replace('\n', ' '))
        .map(p -> p.length() > 400 ? p.substring(0, 400) : p).toList();
    String text = String.join("\n", kept);
    return problems.size() > kept.size() ? text + "\n… and " + (problems.size() - kept.size()) + " more" : text;
  }

  private static Current current(ResultSet rs, int row) throws SQLException {
    return new Current(rs.getObject("image_id", UUID.class), rs.getObject("job_id", UUID.class),
        SqlTimes.instant(rs, "scanned_at"), rs.getString("verdict"), SqlTimes.instant(rs, "judged_at"));
  }

  static StoredFinding finding(ResultSet rs, int row) throws SQLException {
    Date published = rs.getDate("published");
    String layer = rs.getString("layer_diff_id");
    VulnerabilityView view = new VulnerabilityView(rs.getString("vulnerability_id"), split(rs.getString("aliases")),
        rs.getString("package_name"), Ecosystem.valueOf(rs.getString("ecosystem")),
        rs.getString("installed_version"), rs.getString("purl"),
        layer == null ? Optional.empty() : Optional.of(Digest.parse(layer)),
        SeverityLevel.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(rs.getObject("cvss_v3", Double.class)), Optional.ofNullable(rs.getObject("cvss_v4", Double.class)),
        split(rs.getString("fixed_versions")), VulnerabilityView.FixStatus.valueOf(rs.getString("status")),
        rs.getBoolean("kev"), Optional.ofNullable(rs.getObject("epss", Double.class)),
        published == null ? Optional.empty() : Optional.of(published.toLocalDate()), Optional.empty());
    return new StoredFinding(view, rs.getString("title"));
  }
}
