package cn.doorstep.user;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.RoleGrant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Me",
        description = "The signed-in user's own profile: roles, member code and volunteer stars; nickname, avatar, "
                + "community and grid.")
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserService users;
    private final ObjectProvider<VolunteerProfiles> volunteering;

    MeController(UserService users, ObjectProvider<VolunteerProfiles> volunteering) {
        this.users = users;
        this.volunteering = volunteering;
    }

    @Operation(summary = "The signed-in user, with their roles, member code and volunteer stars",
            description = "Any signed-in user, about themselves: the profile (phone masked), the roles with their "
                    + "scope (station, community, grid or unit id) and, for volunteers, the member code to show "
                    + "staff as a QR code, stars and totals.")
    @GetMapping
    ApiResponse<Me> me(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        VolunteerProfiles profiles = volunteering.getIfAvailable();
        return ApiResponse.ok(Me.of(users.get(me.id()), me, profiles == null ? null : profiles.of(me.id())));
    }

    @Operation(summary = "Change nickname, avatar, community or grid (only these)",
            description = "Any signed-in user, for themselves. Changes only the fields sent; another community "
                    + "clears the grid unless a gridId of that community is sent too. Refused: 400 10000 an unknown "
                    + "or invalid field, or none at all (nothing to change), 13002 unknown community, 13003 grid not in that community, 12002 a grid "
                    + "without a community; 422 14009 a nickname WeChat's content check found unsuitable (checked as "
                    + "the user; WeChat not answering lets it through).")
    @PatchMapping
    ApiResponse<Me> update(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                           @Valid @RequestBody ProfileUpdate update) {
        // an empty change is a mistake of the caller's (the bad-input sweep sends one), not a silent success
        if (update.nickname() == null && update.avatarUrl() == null && update.communityId() == null
                && update.gridId() == null) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, "nickname", "send at least one field to change");
        }
        return ApiResponse.ok(Me.of(users.updateProfile(me.id(), update), me, null));
    }

    /** {@code volunteer}: the member code to show staff, stars and totals (null on PATCH replies). */
    record Me(UserView user, List<RoleGrant> roles, VolunteerProfile volunteer) {
        static Me of(UserView user, CurrentUser me, VolunteerProfile volunteer) {
            return new Me(user, me.grants().stream()
                    .sorted(Comparator.comparing(RoleGrant::role).thenComparing(RoleGrant::scopeId)).toList(), volunteer);
        }
    }
}
