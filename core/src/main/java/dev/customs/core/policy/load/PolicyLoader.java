package dev.customs.core.policy.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyFormatException;
import dev.customs.core.policy.document.PolicyNode;
import dev.customs.core.policy.document.PolicyNodeReader;
import dev.customs.core.policy.document.PolicyProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads assurance policies from YAML or JSON documents, or by name from the built-in baselines.
 * Every problem of a document is reported at once, each naming the file, line and field.
 */
public final class PolicyLoader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  /** A file path, or the name of a built-in baseline ({@link BaselinePolicies#names()}). */
  public Policy load(String fileOrName) throws IOException, PolicyFormatException {
    if (BaselinePolicies.names().contains(fileOrName) && !Files.exists(Path.of(fileOrName))) {
      return BaselinePolicies.load(fileOrName);
    }
    return load(Path.of(fileOrName));
  }

  public Policy load(Path file) throws IOException, PolicyFormatException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  public Policy parse(String source, InputStream in) throws IOException, PolicyFormatException {
    return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Parses one document; JSON when it starts with <code>{</code>, YAML otherwise. */
  public Policy parse(String source, String text) throws PolicyFormatException {
    PolicyProblems problems = new PolicyProblems(source);
    boolean json = text.stripLeading().startsWith("{");
    PolicyNode root;
    try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new PolicyFormatException(List.of(source + ":1: the document is empty"));
      }
      root = new PolicyNodeReader(parser, problems).read("");
      if (parser.nextToken() != null && parser.currentToken() != JsonToken.NOT_AVAILABLE) {
        problems.addAt(parser.currentTokenLocation().getLineNr(), "only one policy per document");
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new PolicyFormatException(List.of(source + ":" + line + ": not valid " + (json ? "JSON" : "YAML")
          + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new PolicyFormatException(List.of(source + ": could not be read: " + e.getMessage()));
    }
    Policy policy = new PolicyDocumentReader(problems).read(root, source);
    if (!problems.isEmpty() || policy == null) {
      throw new PolicyFormatException(problems.messages());
    }
    return policy;
  }
}
