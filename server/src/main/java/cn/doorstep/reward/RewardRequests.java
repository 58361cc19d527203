package cn.doorstep.reward;

import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies of the reward endpoints. */
public final class RewardRequests {

    private RewardRequests() {
    }

    /** A new reward; {@code stock} is what there is at the start (later only restocks add). */
    public record NewReward(
            @NotNull @Positive @Schema(description = "the station it is collected at; of your community") Long stationId,
            @NotNull RewardKind kind,
            @NotBlank @Size(max = 64) @PlainText String name,
            @Size(max = 500) @PlainText(multiline = true) String description,
            @NotNull @Min(1) @Max(1_000_000) Integer pointsPrice,
            @NotNull @Min(0) @Max(1_000_000) Integer stock,
            @Min(1) @Max(1_000) @Schema(description = "units one person may hold in redemptions not cancelled or expired; none: no limit")
            Integer perUserLimit,
            @Schema(description = "none: from now") Instant availableFrom,
            @Schema(description = "none: until withdrawn") Instant availableUntil,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos) {
    }

    /** Everything but the stock (which moves by restocks and redemptions only). */
    public record RewardChange(
            @NotNull @Positive Long stationId,
            @NotNull RewardKind kind,
            @NotBlank @Size(max = 64) @PlainText String name,
            @Size(max = 500) @PlainText(multiline = true) String description,
            @NotNull @Min(1) @Max(1_000_000) Integer pointsPrice,
            @Min(1) @Max(1_000) Integer perUserLimit,
            Instant availableFrom,
            Instant availableUntil,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos) {
    }

    public record Restock(@NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    public record Redeem(@NotNull @Positive Long rewardId,
                         @NotNull @Min(1) @Max(10) @Schema(description = "units, 1-10") Integer quantity) {
    }

    /** What the staff phone scanned: the code, or the whole QR payload. */
    public record HandOver(@NotBlank @Size(max = 64) @Schema(description = "the redemption code or its QR payload") String code) {
    }
}
