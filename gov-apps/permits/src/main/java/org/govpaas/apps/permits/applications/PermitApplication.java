package org.govpaas.apps.permits.applications;

import java.time.Instant;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application as stored.
 *
 * @param answersJson the answers as JSON text (field name to answer); see {@link #answers()}
 * @param claimedBy   the subject of the staff member working on it, or null while in the queue
 */
public record PermitApplication(long id, String reference, String citizenSubject, String citizenName, Status status,
                                String answersJson, String claimedBy, String claimedByName, Instant submittedAt,
                                Instant updatedAt) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    public Map<String, String> answers() {
        return JSON.readValue(answersJson, ANSWERS);
    }

    public boolean isClaimedBy(String subject) {
        return subject.equals(claimedBy);
    }
}
