package cn.doorstep.user;

import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /me}: the only fields a user may change about themselves. Absent fields stay as they
 * are; any other field in the body is rejected (unknown fields fail), so nothing else can be set.
 */
public record ProfileUpdate(
        @Size(min = 1, max = 32) @PlainText String nickname,
        @Size(max = 512) @MediaUrl @Schema(description = "an image uploaded with POST /api/v1/media/images "
                + "(e.g. from wx.chooseAvatar)") String avatarUrl,
        @Positive @Schema(description = "Community to join; send gridId too, or the grid is cleared") Long communityId,
        @Positive Long gridId) {
}
