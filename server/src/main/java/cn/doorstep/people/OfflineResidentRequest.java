package cn.doorstep.people;

import cn.doorstep.common.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A resident without WeChat, as their grid head registers them. */
public record OfflineResidentRequest(
        @NotNull @Positive @Schema(description = "a grid you head") Long gridId,
        @NotBlank @Size(max = 16) @PlainText @Schema(description = "the name staff will call them by, e.g. 孙奶奶")
        String name,
        @NotBlank @Size(max = 32) @PlainText @Schema(description = "building, unit and door, e.g. 3栋2单元401") String door) {
}
