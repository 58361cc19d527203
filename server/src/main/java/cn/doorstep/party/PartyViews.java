package cn.doorstep.party;

import cn.doorstep.common.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What 双报到's endpoints take and answer. */
public final class PartyViews {

    private PartyViews() {
    }

    /** A unit and the communities it 包联. */
    public record PartyUnitView(long id, String name, List<Long> communityIds) {
    }

    public record PartyUnitRequest(@NotBlank @Size(max = 64) @PlainText String name,
                                   @NotNull @Size(max = 50) List<@NotNull @Positive Long> communityIds) {
    }

    public record PartyUnitCommunities(@NotEmpty @Size(max = 50) List<@NotNull @Positive Long> communityIds) {
    }

    public record UnitAdminRequest(@NotNull @Positive Long userId) {
    }

    /** 社区报到: the home community, the unit one works at, the name on the party roll. */
    public record PartyRegistrationRequest(@NotNull @Positive Long communityId, @NotNull @Positive Long unitId,
                                           @NotBlank @Size(max = 32) @PlainText String realName) {
    }

    /**
     * A registration. {@code version} changes with every change of it (sent again, decided): an admin
     * sends back the version they read, so they decide what they saw.
     */
    public record PartyRegistrationView(long id, long userId, long communityId, long unitId, String unitName,
                                        String realName, RegistrationStatus status, String rejectReason,
                                        Instant reviewedAt, Instant createdAt, int version) {
    }

    /** {@code version}: the registration's version as the admin read it (from the list). */
    public record PartyConfirmRequest(@NotNull @PositiveOrZero Integer version) {
    }

    public record PartyRejectRequest(@NotNull @PositiveOrZero Integer version,
                                     @NotBlank @Size(max = 128) @PlainText String reason) {
    }

    /** One member's service in a month: wishes confirmed, hours reported, average rating (null: none rated). */
    public record MemberService(long userId, String realName, int wishesFulfilled, BigDecimal hours,
                                BigDecimal averageRating) {
    }

    /** A unit's month for 考核评价: every confirmed member (those without service too) and who served for it. */
    public record UnitServiceReport(long unitId, String unitName, String month, List<MemberService> members) {
    }
}
