package dev.customs.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Validation against the official schemas stored under src/test/resources/schemas (see its README). */
final class ReportSchemas {
  private ReportSchemas() {}

  static List<Error> sarif(JsonNode document) throws IOException {
    return validate("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, document);
  }

  static List<Error> gitLabContainerScanning(JsonNode document) throws IOException {
    return validate("container-scanning-report-format-15.2.1.json", SpecificationVersion.DRAFT_7, document);
  }

  private static List<Error> validate(String file, SpecificationVersion version, JsonNode document) throws IOException {
    try (InputStream text = ReportSchemas.class.getResourceAsStream("/schemas/" + file)) {
      if (text == null) {
        throw new IOException("no schema resource /schemas/" + file);
      }
      Schema schema = SchemaRegistry.withDefaultDialect(version).getSchema(text);
      return schema.validate(document);
    }
  }
}
