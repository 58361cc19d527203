package cn.doorstep.wish;

import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The bodies of the wish's steps after posting. */
public final class WishRequests {

    private WishRequests() {
    }

    /** 纪实: what was done, at least one photo (uploaded first), and optionally the hours it took. */
    public record FulfilWishRequest(
            @NotBlank @Size(max = 500) @PlainText(multiline = true) String note,
            @NotEmpty @Size(max = 9) List<@NotNull @MediaUrl String> photos,
            @DecimalMin("0.5") @DecimalMax("24") @Digits(integer = 2, fraction = 1)
            @Schema(description = "optional: hours spent, counted for 双报到") BigDecimal hours) {
    }

    public record ConfirmWishRequest(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 200) @PlainText(multiline = true)
            @Schema(description = "required when a grid head confirms for a resident: how they were asked") String comment) {
    }

    /** An optional reason (release, decline, cancel). */
    public record WishReasonRequest(@Size(max = 200) @PlainText String reason) {
    }

    /** A required reason (dispute, reject, an admin's decision). */
    public record WishReasonRequired(@NotBlank @Size(max = 128) @PlainText String reason) {
    }

    public record DispatchWishRequest(@NotNull @Positive @Schema(description = "the volunteer's user id") Long volunteerId) {
    }

    /** How an admin settles a dispute. */
    public enum Resolution {
        /** Back to the wall: the claim and its fulfilment are undone. */
        REOPEN,
        /** Done after all: confirmed, the claimer earns the points. */
        CONFIRM,
        /** Closed without points. */
        CANCEL
    }

    public record ResolveWishRequest(@NotNull Resolution outcome, @NotBlank @Size(max = 128) @PlainText String reason) {
    }

    /** An admin's answer to a flag: the flag as read, and whether the photos held for review are shown or withdrawn. */
    public record ClearWishFlagRequest(
            @NotNull @Schema(description = "the flag as you read it in the wish's detail") WishFlag flag,
            @NotNull @Schema(description = "true: photos held for review are shown to all; false: withdrawn") Boolean releasePhotos) {
    }

    public record WishPolicyRequest(@NotNull @Schema(description = "true: every wish waits for an admin") Boolean reviewAll) {
    }
}
