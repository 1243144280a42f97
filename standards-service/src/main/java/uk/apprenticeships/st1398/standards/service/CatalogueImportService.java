package uk.apprenticeships.st1398.standards.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.ImportReport;
import uk.apprenticeships.st1398.standards.api.ImportReport.Item;
import uk.apprenticeships.st1398.standards.api.ImportReport.Outcome;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;

/**
 * Imports a body in the Skills England feed format (one standard-version object, or an array of them) without ever
 * holding it in memory: a streaming parser reads it element by element. Each item is validated and stored in its own
 * transaction ({@link FeedUpserter}), so a bad item is rejected with reasons and never affects the others.
 *
 * <p>A body that is not well-formed JSON must change nothing, yet items are committed one by one. So the body is
 * read twice: first straight from the request, checking syntax while copying it to a temporary file (constant
 * memory, bounded by the body limit on disk); then, only if it is well formed, item by item from that file.
 */
@ApplicationScoped
public class CatalogueImportService {

    private static final Pattern REFERENCE = Pattern.compile("^(ST|FA|AU)\\d{4}$");
    private static final Pattern VERSION = Pattern.compile("^\\d{1,3}\\.\\d{1,3}$");

    private final ObjectMapper json;
    private final Validator validator;
    private final FeedUpserter upserter;

    public CatalogueImportService(ObjectMapper json, Validator validator, FeedUpserter upserter) {
        this.json = json;
        this.validator = validator;
        this.upserter = upserter;
    }

    public ImportReport importFeed(InputStream body) throws IOException {
        Path spool = Files.createTempFile("standards-import-", ".json");
        try {
            try (OutputStream copy = Files.newOutputStream(spool);
                    JsonParser parser = json.getFactory().createParser(new TeeInputStream(body, copy))) {
                requireWellFormed(parser);
            }
            try (JsonParser parser = json.getFactory().createParser(spool.toFile())) {
                ImportReport report = ImportReport.of(importItems(parser));
                Log.infof("Catalogue import: %s", report.summary());
                return report;
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Reads every token: a syntax error surfaces here as a parse exception (a 400 problem). */
    private static void requireWellFormed(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw ApiException.invalid("body", "a JSON object (one standard version) or an array of them is required");
        }
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
            throw malformed("The request body must be a JSON object (one standard version) or an array of them.");
        }
        parser.skipChildren();
        if (parser.nextToken() != null) {
            throw malformed("The request body has content after its JSON "
                    + (first == JsonToken.START_ARRAY ? "array." : "object."));
        }
    }

    private List<Item> importItems(JsonParser parser) throws IOException {
        List<Item> items = new ArrayList<>();
        if (parser.nextToken() == JsonToken.START_OBJECT) {
            items.add(importItem(0, parser));
            return items;
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(importItem(index++, parser));
        }
        return items;
    }

    /** The parser stands on the item's first token; afterwards, on its last. */
    private Item importItem(int index, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return rejected(index, null, List.of("the item is not a JSON object (a standard version)"));
        }
        // One element at a time: the tree of a single standard version is small, and a field of the wrong type
        // then rejects only this item instead of leaving the parser in the middle of it.
        JsonNode node = json.readValue(parser, JsonNode.class);
        String key = key(node);
        FeedStandardVersion item;
        try {
            item = json.treeToValue(node, FeedStandardVersion.class);
        } catch (JsonMappingException e) {
            return rejected(index, key, List.of(wrongType(e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Anything else Jackson refuses is still this item's fault; it must not end the import half way.
            return rejected(index, key, List.of("the item does not have the structure of a standard version"));
        }
        List<String> reasons = new ArrayList<>(validator.validate(item).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .toList());
        if (reasons.isEmpty()) {
            reasons.addAll(FeedChecks.reasons(item));
        }
        if (!reasons.isEmpty()) {
            return rejected(index, key, reasons);
        }
        try {
            return new Item(index, key, upserter.upsert(item), List.of());
        } catch (ItemRejected e) {
            return rejected(index, key, e.reasons());
        } catch (RuntimeException e) {
            Log.errorf(e, "Import item %d (%s) could not be stored", index, key);
            return rejected(
                    index,
                    key,
                    List.of("the item could not be stored and nothing of it was kept; quote the "
                            + "request id when you report it"));
        }
    }

    /** The standard-version key when the item names a well-formed reference and version, else null. */
    private static String key(JsonNode node) {
        JsonNode reference = node.get("referenceNumber");
        JsonNode version = node.hasNonNull("version") ? node.get("version") : node.get("versionNumber");
        if (reference == null
                || version == null
                || !reference.isTextual()
                || !version.isTextual()
                || !REFERENCE.matcher(reference.asText()).matches()
                || !VERSION.matcher(version.asText()).matches()) {
            return null;
        }
        return reference.asText() + "_" + version.asText();
    }

    private static String wrongType(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty()
                ? "the item does not have the structure of a standard version"
                : path + " has the wrong type or format";
    }

    private static Item rejected(int index, String key, List<String> reasons) {
        return new Item(index, key, Outcome.REJECTED, reasons);
    }

    private static ApiException malformed(String detail) {
        return ApiException.of(StandardsError.FEED_MALFORMED, detail);
    }

    /** Copies every byte read from the request to the spool file. */
    private static final class TeeInputStream extends FilterInputStream {

        private final OutputStream copy;

        TeeInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported while copying");
        }
    }
}
