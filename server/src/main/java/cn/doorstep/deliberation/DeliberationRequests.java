package cn.doorstep.deliberation;

import cn.doorstep.common.PlainText;
import cn.doorstep.schedule.BookingAudience;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What residents and admins send about topics, meetings and tasks. */
public final class DeliberationRequests {

    private DeliberationRequests() {
    }

    /** A resident's proposal for their community. */
    public record ProposeRequest(
            @NotNull @Positive Long communityId,
            @NotBlank @Size(max = 40) @PlainText String title,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text) {
    }

    /** An admin's topic, put on the agenda at once: from a wish, a report, or directly. */
    public record CreateTopicRequest(
            @NotNull @Positive Long communityId,
            @NotBlank @Size(max = 40) @PlainText String title,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
            @Schema(description = "WISH, REPORT or DIRECT (default)") SourceType sourceType,
            @Positive @Schema(description = "the wish's or report's id; required with WISH and REPORT, absent with DIRECT")
            Long sourceId) {
    }

    public record DeclineRequest(@NotBlank @Size(max = 128) @PlainText String reason) {
    }

    /** A meeting of a topic at a station of its community; times are local (China). */
    public record MeetingRequest(
            @NotNull @Positive Long stationId,
            @Size(max = 40) @PlainText
            @Schema(description = "what residents see in the activity list; default 议事会：<topic title> "
                    + "(骑手恳谈会：<topic title> for riders)") String title,
            @NotNull @Schema(example = "2026-12-12T14:00:00") LocalDateTime startsAt,
            @NotNull @Schema(example = "2026-12-12T15:30:00") LocalDateTime endsAt,
            @NotBlank @Size(max = 64) @PlainText String place,
            @NotNull @Min(1) @Max(2000) Integer seats,
            @Schema(description = "who may sign up: RESIDENTS (default), RIDERS (a 恳谈会 with riders) or ALL")
            BookingAudience audience) {
    }

    /** What a meeting decided and who follows up by when. */
    public record MinutesRequest(
            @NotBlank @Size(max = 4000) @PlainText(multiline = true) String minutes,
            @NotNull @Min(0) @Max(2000) @Schema(description = "how many attended (entered from the sign-in sheet)")
            Integer attendance,
            @Size(max = 20) List<@NotBlank @Size(max = 500) @PlainText String> decisions,
            @Size(max = 30) List<@NotNull @Valid TaskRequest> tasks) {
    }

    /** A follow-up task: exactly one of ownerUserId (a user of the system) and ownerName (物业, a unit). */
    public record TaskRequest(
            @NotBlank @Size(max = 100) @PlainText String title,
            @Positive Long ownerUserId,
            @Size(max = 32) @PlainText String ownerName,
            @NotNull @Schema(description = "the deadline, a China date", example = "2026-12-31") LocalDate dueDate) {
    }

    public record DoneRequest(@NotBlank @Size(max = 200) @PlainText String note) {
    }
}
