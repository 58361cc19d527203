package cn.doorstep.wish;

import cn.doorstep.common.PhoneNumbers;
import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A resident's wish. Title and text go through WeChat's content check; the contact details are shown
 * whole only to the poster and, once claimed, to the claimer.
 */
public record PostWishRequest(
        @NotBlank @Size(min = 2, max = 40) @PlainText String title,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
        @NotNull WishCategory category,
        @Schema(description = "NORMAL when absent") Urgency urgency,
        @Size(max = 9) List<@NotNull @MediaUrl String> photos,
        @NotNull @Positive Long communityId,
        @Positive @Schema(description = "optional: the grid (网格) within the community") Long gridId,
        @NotBlank @Size(max = 32) @PlainText @Schema(description = "who to ask for, e.g. 张阿姨") String contactName,
        @Pattern(regexp = PostWishRequest.PHONE, message = "must be a mobile (11 digits) or landline number")
        @Schema(description = "optional: otherwise the poster's bound phone") String contactPhone,
        @NotBlank @Size(max = 128) @PlainText @Schema(description = "exact address, e.g. 3号楼2单元501") String address) {

    /** A mainland mobile number, or a landline with its area code. */
    public static final String PHONE = PhoneNumbers.PATTERN;
}
