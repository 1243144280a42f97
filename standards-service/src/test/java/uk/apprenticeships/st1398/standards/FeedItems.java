package uk.apprenticeships.st1398.standards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small, valid standard versions in the Skills England feed format, built as plain maps so tests can break them. */
final class FeedItems {

    static final ObjectMapper JSON = new ObjectMapper();

    private FeedItems() {}

    static String id(String reference, String version, String code) {
        return UUID.nameUUIDFromBytes((reference + "_" + version + "/" + code).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Two knowledge items, one skill, one behaviour and one duty mapping all four. */
    static Map<String, Object> item(String reference, String version, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("referenceNumber", reference);
        item.put("title", "Import test " + reference);
        item.put("level", 4);
        item.put("version", version);
        item.put("status", status);
        item.put("larsCode", 9001);
        item.put("route", "Import tests");
        item.put("approvedForDelivery", status.startsWith("Approved") ? "2025-01-02T00:00:00" : null);
        item.put("typicalDuration", 18);
        item.put("maxFunding", 12000);
        item.put("eQAProvider", Map.of("providerName", "Ofqual"));
        item.put("coreAndOptions", false);
        item.put("options", List.of());
        item.put(
                "knowledges",
                new ArrayList<>(List.of(
                        ksb("knowledgeId", id(reference, version, "K1"), "Knows the first thing"),
                        ksb("knowledgeId", id(reference, version, "K2"), null))));
        item.put("skills", new ArrayList<>(List.of(ksb("skillId", id(reference, version, "S1"), "Does things"))));
        item.put("behaviours", new ArrayList<>(List.of(ksb("behaviourId", id(reference, version, "B1"), "Behaves"))));
        Map<String, Object> duty = new LinkedHashMap<>();
        duty.put("dutyID", id(reference, version, "D1"));
        duty.put("dutyDetail", "The one duty");
        duty.put("isThisACoreDuty", 1);
        duty.put(
                "mappedKnowledge",
                new ArrayList<>(List.of(id(reference, version, "K1"), id(reference, version, "K2"))));
        duty.put("mappedSkills", new ArrayList<>(List.of(id(reference, version, "S1"))));
        duty.put("mappedBehaviour", new ArrayList<>(List.of(id(reference, version, "B1"))));
        duty.put("mappedOptions", List.of());
        item.put("duties", new ArrayList<>(List.of(duty)));
        item.put("qualifications", List.of());
        item.put("typicalJobTitles", List.of("Tester"));
        item.put("publishDate", "2025-01-01T00:00:00");
        return item;
    }

    private static Map<String, Object> ksb(String idField, String id, String detail) {
        Map<String, Object> ksb = new LinkedHashMap<>();
        ksb.put(idField, id);
        ksb.put("detail", detail);
        return ksb;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> duty(Map<String, Object> item, int index) {
        return ((List<Map<String, Object>>) item.get("duties")).get(index);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> item, String field) {
        return (List<Map<String, Object>>) item.get(field);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
