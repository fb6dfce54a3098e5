package dev.customs.server.cliscans;

import dev.customs.core.image.ImageRef;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.report.InventoryJsonReader;
import dev.customs.server.assessments.ImageJudge;
import dev.customs.server.assessments.Judgement;
import dev.customs.server.assessments.JudgementRecorder;
import dev.customs.server.assessments.StoredFinding;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.cliscans.dto.ScanSubmission;
import dev.customs.server.cliscans.dto.SubmissionVerdict;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.images.ImageRepository;
import dev.customs.server.images.RegisteredImage;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.scanning.ScanJob;
import dev.customs.server.scanning.ScanQueue;
import dev.customs.server.vulndata.VulnerabilityData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a scan the CLI ran ({@code customs scan --server}) with the server's bundle and policies —
 * the server is the authority when connected — and, as asked, registers the image with source
 * {@code cli} and stores the scan like one of its own (inventory, findings, assessment, history).
 */
@Service
public class ScanSubmissionService {
  private final ImageJudge judge;
  private final JudgementRecorder recorder;
  private final ImageRepository images;
  private final RegistryRepository registries;
  private final ScanQueue queue;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;

  public ScanSubmissionService(ImageJudge judge, JudgementRecorder recorder, ImageRepository images,
      RegistryRepository registries, ScanQueue queue, TransactionTemplate transactions, AuditLog audit, JsonMapper json,
      Clock clock) {
    this.judge = judge;
    this.recorder = recorder;
    this.images = images;
    this.registries = registries;
    this.queue = queue;
    this.transactions = transactions;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  public SubmissionVerdict submit(ScanSubmission submission) {
    Register register = Register.parse(submission.register());
    ImageRef ref = reference(submission.reference());
    byte[] document = json.writeValueAsBytes(submission.inventory());
    Inventory inventory = read(document);
    String platform = inventory.image().platform().toString();
    Optional<RegisteredImage> known = images.find(ref.toString(), platform);
    UUID imageId = known.map(RegisteredImage::id).orElseGet(UUID::randomUUID);
    // Matching and evaluating take a while: outside any transaction, like the server's own scans.
    Judgement judgement = judge.match(imageId, inventory, judge.currentPolicies());
    Map<String, Long> counts = judgement.verdict().equals(Judgement.UNKNOWN) ? null : counts(judgement);
    String message = judgement.verdict().equals(Judgement.UNKNOWN) ? VulnerabilityData.MISSING_MESSAGE : null;
    if (!register.stores(judgement.verdict())) {
      return new SubmissionVerdict(judgement.verdict(), message, judgement.blockingReasons(), counts, false, null,
          null);
    }
    ScanJob job = transactions.execute(status -> {
      if (known.isEmpty()) {
        insert(imageId, ref, platform);
      }
      ScanJob stored = queue.recordFinished(imageId, inventory.image().manifestDigest().toString(),
          inventory.packages().size(), inventory.problems().size(), gzip(document));
      recorder.record(imageId, stored.id(), clock.instant(), judgement);
      audit.record("image.cli-scan", "image", imageId, "reference=" + ref + " platform=" + platform + " verdict="
          + judgement.verdict() + " register=" + register.wire());
      return stored;
    });
    return new SubmissionVerdict(judgement.verdict(), message, judgement.blockingReasons(), counts, true, imageId,
        job.id());
  }

  private void insert(UUID id, ImageRef ref, String platform) {
    UUID registryId = registries.findServing(ref.registry()).map(Registry::id).orElse(null);
    images.insert(new RegisteredImage(id, registryId, ref.toString(), ref.registry(), ref.repository(),
        ref.tag().orElse(null), null, platform, "cli", clock.instant(), null));
  }

  private static Map<String, Long> counts(Judgement judgement) {
    return judgement.findings().stream().map(StoredFinding::view).collect(Collectors.groupingBy(
        v -> v.severity().name(), TreeMap::new, Collectors.counting()));
  }

  private static ImageRef reference(String text) {
    try {
      return ImageRef.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("reference", e.getMessage());
    }
  }

  private static Inventory read(byte[] document) {
    try {
      return new InventoryJsonReader().read(new ByteArrayInputStream(document));
    } catch (IOException | RuntimeException e) {
      throw new InvalidRequestException("inventory", "the inventory is not a Customs inventory document "
          + "(docs/formats/inventory-json.md): " + e.getMessage());
    }
  }

  private static byte[] gzip(byte[] document) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** When a submitted scan is stored. */
  enum Register {
    ALWAYS(verdict -> true),
    COMPLIANT(Judgement.COMPLIANT::equals),
    NEVER(verdict -> false);

    private final Predicate<String> stores;

    Register(Predicate<String> stores) {
      this.stores = stores;
    }

    boolean stores(String verdict) {
      return stores.test(verdict);
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Register parse(String text) {
      for (Register r : values()) {
        if (r.wire().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return r;
        }
      }
      throw new InvalidRequestException("register", "register must be always, compliant or never, got \"" + text
          + "\"");
    }
  }
}
