package cn.doorstep.rider;

import cn.doorstep.common.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** 骑手备案: the phone is the one bound to the account (POST /auth/phone first). */
public record RegistrationRequest(@NotNull Platform platform, @NotBlank @Size(max = 32) @PlainText String realName,
                                  @NotNull @Positive Long homeCommunityId) {
}
