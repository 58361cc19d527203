package cn.doorstep.volunteer;

import cn.doorstep.common.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What residents and admins send about volunteering. */
public final class VolunteerRequests {

    private VolunteerRequests() {
    }

    /** A mainland mobile number: 11 digits starting 13-19. */
    static final String MOBILE = "1[3-9][0-9]{9}";

    public record ApplyRequest(
            @NotNull @Positive Long communityId,
            @NotBlank @Size(max = 32) @PlainText String realName,
            @NotEmpty @Size(max = 13) @Schema(description = "one or more of the fixed list, see volunteers.md")
            List<@NotNull VolunteerSkill> skills,
            @NotBlank @Size(max = 100) @PlainText
            @Schema(description = "when they can serve, in their words, e.g. 周末上午、工作日晚上") String availability,
            @Pattern(regexp = MOBILE, message = "must be a mainland mobile number of 11 digits")
            @Schema(description = "optional: a contact number other than the bound phone (the bound one by default)")
            String phone) {

        /** Redacted: a phone number must not reach a log through toString(). */
        @Override
        public String toString() {
            return "ApplyRequest[communityId=" + communityId + ", skills=" + skills + ", phone="
                    + (phone == null ? "bound" : "<given>") + "]";
        }
    }

    public record RejectRequest(@NotBlank @Size(max = 128) @PlainText String reason) {
    }

    /** {@code communityId}: which of the volunteer's communities (a volunteer may serve more than one). */
    public record RevokeRequest(@NotNull @Positive Long communityId, @NotBlank @Size(max = 128) @PlainText String reason) {
    }

    public record LeaveRequest(@NotNull @Positive Long communityId) {
    }
}
