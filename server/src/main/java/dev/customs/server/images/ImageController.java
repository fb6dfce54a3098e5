package dev.customs.server.images;

import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.server.assessments.ImageReports;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.images.dto.ImageDetailResponse;
import dev.customs.server.images.dto.ImageRegisterRequest;
import dev.customs.server.images.dto.ImageRegistration;
import dev.customs.server.images.dto.ImageResponse;
import dev.customs.server.scanning.dto.ScanResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/images}: every role reads (lists, details, inventories, reports); ADMIN and SCANNER
 * register and rescan; ADMIN deletes.
 */
@RestController
@RequestMapping("/api/v1/images")
public class ImageController {
  private final ImageService images;
  private final ImageReports reports;

  public ImageController(ImageService images, ImageReports reports) {
    this.images = images;
    this.reports = reports;
  }

  /** Registers the image (or finds it registered) and queues its scan: 202, the scan runs later. */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ImageRegistration register(@Valid @RequestBody ImageRegisterRequest request) {
    return images.register(request);
  }

  /**
   * Lists images, narrowed by any of: registry host, repository, compliant, severity (at least),
   * fixAvailable, vulnerability (id or alias) and scannedSince (ISO-8601 instant).
   */
  @GetMapping
  public Page<ImageResponse> list(@RequestParam(required = false) String registry,
      @RequestParam(required = false) String repository, @RequestParam(required = false) Boolean compliant,
      @RequestParam(required = false) String severity, @RequestParam(required = false) Boolean fixAvailable,
      @RequestParam(required = false) String vulnerability, @RequestParam(required = false) String scannedSince,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    ImageFilter filter = new ImageFilter(blankToNull(registry), blankToNull(repository), compliant,
        severity == null ? null : severity(severity), fixAvailable, blankToNull(vulnerability),
        scannedSince == null ? null : instant(scannedSince));
    return images.list(filter, PageRequest.of(page, size));
  }

  @GetMapping("/{id}")
  public ImageDetailResponse get(@PathVariable UUID id) {
    return images.get(id);
  }

  /** The inventory document (docs/formats/inventory-json.md) of the latest successful scan. */
  @GetMapping(value = "/{id}/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
  public byte[] inventory(@PathVariable UUID id) {
    return images.inventory(id);
  }

  /**
   * The latest scan as {@code customs scan --format FORMAT} writes it: table, json, cyclonedx, sarif,
   * junit, gitlab, html (these need vulnerability data: 409 without), or spdx (the inventory).
   */
  @GetMapping("/{id}/report")
  public ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(required = false) String format) {
    images.requireExists(id);
    ImageReports.Report report = reports.write(id, format);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(report.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(report.fileName()).build()
            .toString())
        .body(report.body());
  }

  @PostMapping("/{id}/scans")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ScanResponse rescan(@PathVariable UUID id) {
    return images.rescan(id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    images.delete(id);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static SeverityLevel severity(String text) {
    try {
      return SeverityLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("severity", "unknown severity \"" + text
          + "\"; expected critical, high, medium, low, negligible or unknown");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("scannedSince", "scannedSince must be an ISO-8601 instant such as "
          + "2026-01-31T00:00:00Z, got \"" + text + "\"");
    }
  }
}
