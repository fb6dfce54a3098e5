package dev.customs.server.images;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.images.dto.ImageDetailResponse;
import dev.customs.server.images.dto.ImageRegisterRequest;
import dev.customs.server.images.dto.ImageRegistration;
import dev.customs.server.images.dto.ImageResponse;
import dev.customs.server.scanning.dto.ScanResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

/** {@code /api/v1/images}: every role reads; ADMIN and SCANNER register and rescan; ADMIN deletes. */
@RestController
@RequestMapping("/api/v1/images")
public class ImageController {
  private final ImageService images;

  public ImageController(ImageService images) {
    this.images = images;
  }

  /** Registers the image (or finds it registered) and queues its scan: 202, the scan runs later. */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ImageRegistration register(@Valid @RequestBody ImageRegisterRequest request) {
    return images.register(request);
  }

  @GetMapping
  public Page<ImageResponse> list(@RequestParam(required = false) String repository,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return images.list(repository, PageRequest.of(page, size));
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
}
