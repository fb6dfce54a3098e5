package dev.customs.core.inventory.analyzer.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds minimal rpm header blobs of STRING tags (no region), for cases no real database shows. */
final class RpmHeaderFixture {
  private final Map<Integer, String> strings = new LinkedHashMap<>();

  RpmHeaderFixture string(int tag, String value) {
    strings.put(tag, value);
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteBuffer index = ByteBuffer.allocate(8 + 16 * strings.size());
    index.position(8);
    strings.forEach((tag, value) -> {
      index.putInt(tag).putInt(6).putInt(data.size()).putInt(1);
      data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      data.write(0);
    });
    index.putInt(0, strings.size()).putInt(4, data.size());
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    blob.writeBytes(index.array());
    blob.writeBytes(data.toByteArray());
    return blob.toByteArray();
  }
}
