package cn.doorstep.report.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Open311 GeoReport v2's JSON shapes (snake_case, as the standard spells them; no envelope). */
public final class Open311 {

    private Open311() {
    }

    @Schema(name = "Open311Service", description = "A service: one per report category")
    public record Service(
            @JsonProperty("service_code") @Schema(example = "LIGHTING") String serviceCode,
            @JsonProperty("service_name") @Schema(example = "路灯照明") String serviceName,
            String description,
            @Schema(description = "always false: no extra attributes") boolean metadata,
            @Schema(description = "always realtime: a request exists once it is filed") String type,
            @Schema(description = "comma-separated") String keywords,
            String group) {
    }

    /**
     * A service request as civic tools see it: no reporter, caller, phone, name, address or photo; the text only
     * when WeChat's check passed it, with long digit runs masked; the location to about 100 m.
     */
    @Schema(name = "Open311Request", description = "A report as a service request, without personal data")
    public record Request(
            @JsonProperty("service_request_id") String serviceRequestId,
            @Schema(description = "open or closed (resolved)") String status,
            @JsonProperty("status_notes") @Schema(description = "a fixed text per state, never the resolution's words")
            String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            @Schema(description = "the report's text when WeChat's content check passed it, runs of 7 or more digits "
                    + "masked; otherwise null") String description,
            @JsonProperty("agency_responsible") @Schema(description = "the department it was routed to, if any")
            String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") Instant requestedDatetime,
            @JsonProperty("updated_datetime") Instant updatedDatetime,
            @JsonProperty("expected_datetime") @Schema(description = "when it is due to be resolved, once accepted")
            Instant expectedDatetime,
            @Schema(description = "always null: an address can be someone's home") String address,
            @Schema(description = "always null") @JsonProperty("address_id") String addressId,
            @Schema(description = "always null") Integer zipcode,
            @Schema(description = "GCJ-02, rounded to 3 places (about 100 m)") BigDecimal lat,
            @JsonProperty("long") @Schema(description = "GCJ-02, rounded to 3 places (about 100 m)") BigDecimal lng,
            @JsonProperty("media_url") @Schema(description = "always null: photos may show people") String mediaUrl) {
    }

    /** Open311's error entry: the HTTP status as its code, and what was wrong. */
    @Schema(name = "Open311Error")
    public record Error(int code, String description) {
    }

    @Schema(name = "Open311Discovery", description = "Service discovery: where the GeoReport v2 endpoint is")
    public record Discovery(Instant changeset, String contact, @JsonProperty("key_service") String keyService,
                            List<Endpoint> endpoints) {
    }

    @Schema(name = "Open311Endpoint")
    public record Endpoint(String specification, String url, Instant changeset, String type, List<String> formats) {
    }
}
