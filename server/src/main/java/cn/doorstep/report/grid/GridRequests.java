package cn.doorstep.report.grid;

import cn.doorstep.common.PhoneNumbers;
import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import cn.doorstep.report.FileReportRequest;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.station.StationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What the grid's workers and the reporter send for a report's steps. */
public final class GridRequests {

    private GridRequests() {
    }

    /** The grid resolves a report itself: what was done, with photos as evidence. */
    public record GridResolveRequest(
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(description = "what was done") String text,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos) {
    }

    /** A question to the reporter; the deadlines' clock stands still until they answer. */
    public record AskReporterRequest(@NotBlank @Size(max = 500) @PlainText(multiline = true) String question) {
    }

    /** The reporter's answer to the question asked. */
    public record ReportReplyRequest(
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos) {
    }

    /** The reporter's rating of a resolved report. */
    public record RateReportRequest(
            @NotNull @Schema(description = "false reopens it once, one level up; the second time it closes unsatisfied")
            Boolean satisfied,
            @Size(max = 500) @PlainText(multiline = true) String comment) {
    }

    /** A worker files a report for a caller of the 8890 hotline: the filing fields and the caller. */
    public record HotlineReportRequest(
            @NotNull @Positive Long communityId,
            @Positive Long gridId,
            @NotNull ReportCategory category,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos,
            @NotNull @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) BigDecimal lat,
            @NotNull @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) BigDecimal lng,
            @Size(max = 128) @PlainText String address,
            @NotBlank @Size(max = 32) @PlainText @Schema(description = "the caller's name, shown to workers only")
            String callerName,
            @NotBlank @Pattern(regexp = PhoneNumbers.PATTERN, message = "must be a mobile (11 digits) or landline number")
            @Schema(description = "the caller's phone, shown to workers only") String callerPhone) {

        public FileReportRequest filing() {
            return new FileReportRequest(communityId, gridId, category, text, photos, lat, lng, address);
        }
    }

    /** Pair a verified rider with a grid as its 流动网格员. */
    public record GridRiderRequest(@NotNull @Positive Long userId, @NotNull @Positive Long gridId) {
    }
}
