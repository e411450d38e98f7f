package netralitas.hub.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import netralitas.hub.report.Channel;

import java.time.LocalDate;

/**
 * What the follow-up keeps of a forwarded case (SPEC §12): what its reminder and escalation mails say about it, as the
 * case mail said it, and whom they go to — not the case itself. It never holds the reporter's name or contact (SPEC
 * §9): the row is kept for months, and no follow-up mail names the reporter. Kept in FOLLOW_UP.case_summary as one
 * line of JSON ({@link #toJson}), readable with plain SQL.
 *
 * @param caseId       the case
 * @param subject      the case mail's subject line (the reminder's and escalation's follow it)
 * @param name         the name the case mail shows (BKN's, else the reported one), or "-"
 * @param nip          the NIP the case mail shows (BKN's, else the reported one), or "tanpa NIP"
 * @param severity     the severity as a reader sees it ("BERAT", "BUKAN PELANGGARAN")
 * @param category     the category's label, or "-"
 * @param place        the region's name, the central agency's, or "wilayah belum diketahui"
 * @param incidentDate the date the report gives for the incident, or null
 * @param to           the case mail's To as the router decided it (comma-separated), or null
 * @param cc           its Cc as the router decided it, or null
 * @param kanregId     the Kanreg BKN the case was routed with (an id of config/bkn-kanreg.csv), or null
 * @param channel      where the report came in, for the metric of the REMINDED and ESCALATED events
 * @param source       what the audit trail records as the case's source (file and line, or mailbox folder, UID and
 *                     Message-ID pseudonym), or null when not known
 */
public record CaseSummary(
        @JsonProperty("id") String caseId,
        @JsonProperty("subject") String subject,
        @JsonProperty("name") String name,
        @JsonProperty("nip") String nip,
        @JsonProperty("severity") String severity,
        @JsonProperty("category") String category,
        @JsonProperty("place") String place,
        @JsonProperty("incident") LocalDate incidentDate,
        @JsonProperty("to") String to,
        @JsonProperty("cc") String cc,
        @JsonProperty("kanreg") String kanregId,
        @JsonProperty("channel") Channel channel,
        @JsonProperty("source") String source) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** One line of JSON, absent values left out: {@code {"id":"NH-…","subject":"[NETRALITAS ASN][BERAT] …",…}}. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The summary of case " + caseId + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The summary {@link #toJson} wrote; fields it does not know are ignored, missing ones are null.
     *
     * @throws IllegalArgumentException with the reason when the text is not such a JSON object
     */
    public static CaseSummary fromJson(String json) {
        try {
            CaseSummary summary = MAPPER.readValue(json, CaseSummary.class);
            if (summary == null) {
                throw new IllegalArgumentException("A case summary's JSON is empty");
            }
            return summary;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A case summary's JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
