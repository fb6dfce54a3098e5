package dev.customs.server.images;

import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.server.assessments.ImageJudgements;
import dev.customs.server.assessments.dto.FindingResponse;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.images.dto.ImageDetailResponse;
import dev.customs.server.images.dto.ImageRegisterRequest;
import dev.customs.server.images.dto.ImageRegistration;
import dev.customs.server.images.dto.ImageResponse;
import dev.customs.server.images.dto.VulnerableImagesResponse;
import dev.customs.server.registries.Registry;
import dev.customs.server.registries.RegistryClientFactory;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.server.scanning.ScanJob;
import dev.customs.server.scanning.ScanQueue;
import dev.customs.server.scanning.ScanResultRepository;
import dev.customs.server.scanning.dto.ScanResponse;
import dev.customs.server.vulndata.VulnerabilityData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering images (each registration queues a scan), listing them with their latest results. */
@Service
public class ImageService {
  private static final String DEFAULT_PLATFORM = "linux/amd64";

  private final ImageRepository images;
  private final RegistryRepository registries;
  private final ScanQueue queue;
  private final ScanResultRepository results;
  private final ImageJudgements judgements;
  private final AuditLog audit;
  private final Clock clock;

  public ImageService(ImageRepository images, RegistryRepository registries, ScanQueue queue,
      ScanResultRepository results, ImageJudgements judgements, AuditLog audit, Clock clock) {
    this.images = images;
    this.registries = registries;
    this.queue = queue;
    this.results = results;
    this.judgements = judgements;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ImageRegistration register(ImageRegisterRequest request) {
    ImageRef ref = reference(request.reference());
    String platform = platform(request.platform());
    Registry registry = registryFor(ref, request.registryId());
    RegisteredImage image = images.find(ref.toString(), platform).orElseGet(() -> {
      RegisteredImage created = new RegisteredImage(UUID.randomUUID(), registry.id(), ref.toString(), ref.registry(),
          ref.repository(), ref.tag().orElse(null), null, platform, "api", clock.instant(), null);
      images.insert(created);
      audit.record("image.register", "image", created.id(), "reference=" + created.reference() + " platform="
          + platform + " registry=" + registry.name());
      return created;
    });
    ScanJob job = queue.enqueue(image.id());
    return new ImageRegistration(response(image), ScanResponse.of(job));
  }

  @Transactional
  public ScanResponse rescan(UUID id) {
    return ScanResponse.of(queue.enqueue(find(id).id()));
  }

  @Transactional(readOnly = true)
  public Page<ImageResponse> list(ImageFilter filter, PageRequest page) {
    return page.page(images.page(filter, page).stream().map(this::response).toList(), images.count(filter));
  }

  /** The images whose latest scan has the vulnerability, saying so when some could not be matched. */
  @Transactional(readOnly = true)
  public VulnerableImagesResponse withVulnerability(String vulnerability, PageRequest page) {
    Page<ImageResponse> found = list(new ImageFilter(null, null, null, null, null, vulnerability, null), page);
    long unmatched = judgements.unmatchedImages();
    String message = unmatched == 0 ? null : unmatched + " scanned image(s) were not matched against vulnerabilities. "
        + VulnerabilityData.MISSING_MESSAGE;
    return new VulnerableImagesResponse(vulnerability, message, found);
  }

  @Transactional(readOnly = true)
  public ImageDetailResponse get(UUID id) {
    RegisteredImage image = find(id);
    ImageResponse response = response(image);
    List<FindingResponse> vulnerabilities = judgements.findings(id)
        .map(f -> f.stream().map(FindingResponse::of).toList()).orElse(null);
    String message = response.judgement() == null ? "The image has no successful scan yet."
        : response.judgement().message();
    return new ImageDetailResponse(response, vulnerabilities, judgements.assessment(id).orElse(null), message,
        queue.history(id).stream().map(ScanResponse::of).toList());
  }

  /** The inventory document of the latest successful scan. */
  @Transactional(readOnly = true)
  public byte[] inventory(UUID id) {
    find(id);
    UUID job = results.latest(id).orElseThrow(() -> new NotFoundException("successful scan of image", id)).jobId();
    byte[] gzipped = results.inventory(job).orElseThrow();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("stored inventory of scan " + job + " is damaged", e);
    }
  }

  @Transactional
  public void delete(UUID id) {
    RegisteredImage image = find(id);
    images.delete(id);
    audit.record("image.delete", "image", id, "reference=" + image.reference() + " platform=" + image.platform());
  }

  private ImageResponse response(RegisteredImage image) {
    List<ScanJob> history = queue.history(image.id());
    return ImageResponse.of(image, history.isEmpty() ? null : ScanResponse.of(history.getFirst()),
        results.latest(image.id()).orElse(null), judgements.summary(image.id()).orElse(null));
  }

  private Registry registryFor(ImageRef ref, UUID registryId) {
    if (registryId != null) {
      Registry registry = registries.findById(registryId)
          .orElseThrow(() -> new InvalidRequestException("registryId", "no registry integration " + registryId));
      if (!RegistryClientFactory.host(registry).equals(ref.registry())) {
        throw new InvalidRequestException("registryId", "registry " + registry.name() + " serves "
            + RegistryClientFactory.host(registry) + ", but the reference names " + ref.registry());
      }
      return registry;
    }
    return registries.findServing(ref.registry()).orElseThrow(() -> new InvalidRequestException("reference",
        "no registry integration serves " + ref.registry() + "; add one with POST /api/v1/registries (url https://"
            + ref.registry() + ")"));
  }

  private ImageRef reference(String text) {
    try {
      return ImageRef.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("reference", e.getMessage());
    }
  }

  private static String platform(String text) {
    try {
      return Platform.parse(text == null || text.isBlank() ? DEFAULT_PLATFORM : text.strip()).toString();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("platform", e.getMessage());
    }
  }

  /** 404 unless the image exists. */
  @Transactional(readOnly = true)
  public void requireExists(UUID id) {
    find(id);
  }

  private RegisteredImage find(UUID id) {
    return images.findById(id).orElseThrow(() -> new NotFoundException("image", id));
  }
}
