package cn.doorstep.report.department;

import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the departments' requests. */
public final class DepartmentRequests {

    private DepartmentRequests() {
    }

    public record CreateDepartmentRequest(
            @NotBlank @Size(max = 64) @PlainText @Schema(description = "unique, e.g. 昌邑区城管执法局延安中队") String name,
            @NotNull DepartmentKind kind,
            @Size(max = 20) @Pattern(regexp = "[0-9+\\-() ]{5,20}", message = "must be a phone number") String phone,
            @NotEmpty @Size(max = 50) @Schema(description = "the streets (街道) it serves")
            List<@NotNull @Positive Long> streetIds) {
    }

    /** Only what is given changes; {@code streetIds}, when given, replaces the streets it serves. */
    public record UpdateDepartmentRequest(
            @Size(min = 1, max = 64) @PlainText String name,
            @Size(max = 20) @Pattern(regexp = "[0-9+\\-() ]{5,20}", message = "must be a phone number") String phone,
            @Schema(description = "false: no longer routed or summoned to; its open work stays") Boolean active,
            @Size(min = 1, max = 50) List<@NotNull @Positive Long> streetIds) {
    }

    public record MemberRequest(@NotNull @Positive Long userId) {
    }

    /** 流转 by the grid's worker, or 吹哨 by the street: the departments and a note for them. */
    public record SendRequest(
            @NotEmpty @Size(max = 10) List<@NotNull @Positive Long> departmentIds,
            @Size(max = 500) @PlainText(multiline = true) String note) {
    }

    /** Asking for more time, once per report. */
    public record ExtendRequest(
            @NotNull @Min(1) @Max(5) @Schema(description = "1-5 working days more") Integer workingDays,
            @NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    /** How it was resolved, with photos of the result (uploaded first through POST /api/v1/media/images). */
    public record ResolveRequest(
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos) {
    }

    public record ReturnRequest(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    /** 报到: a summoned department reports in. */
    public record RespondRequest(@Size(max = 500) @PlainText(multiline = true) String note) {
    }
}
