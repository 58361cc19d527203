package cn.doorstep.wish.grid;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.PlainText;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.GridView;
import cn.doorstep.media.MediaUrl;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import cn.doorstep.wish.Urgency;
import cn.doorstep.wish.WishCategory;
import cn.doorstep.wish.WishDetail;
import cn.doorstep.wish.WishError;
import cn.doorstep.wish.WishPosting;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grid heads: granted and revoked by the admins of the grid's community (audited), and the wishes
 * they post for residents who have no phone: the wish records the resident's name and door and the
 * grid head as its poster, whose phone the claimer calls.
 */
@Service
public class GridHeads {

    private final RoleService roles;
    private final CommunityService communities;
    private final UserService users;
    private final AuditLog audit;
    private final WishPosting posting;

    GridHeads(RoleService roles, CommunityService communities, UserService users, AuditLog audit, WishPosting posting) {
        this.roles = roles;
        this.communities = communities;
        this.users = users;
        this.audit = audit;
        this.posting = posting;
    }

    public record GridHeadView(long userId, String nickname, long gridId, String gridName) {
    }

    public record GridHeadRequest(@NotNull @Positive Long communityId, @NotNull @Positive Long gridId,
                                  @NotNull @Positive Long userId) {
    }

    /** 敲门行动: a wish a grid head writes down at a resident's door. */
    public record OnBehalfWishRequest(
            @NotNull @Positive Long communityId,
            @NotNull @Positive @Schema(description = "a grid you are the grid head of") Long gridId,
            @NotBlank @Size(min = 2, max = 40) @PlainText String title,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
            @NotNull WishCategory category,
            Urgency urgency,
            @Size(max = 9) List<@NotNull @MediaUrl String> photos,
            @NotBlank @Size(max = 32) @PlainText @Schema(description = "the resident, e.g. 王奶奶") String residentName,
            @NotBlank @Size(max = 128) @PlainText @Schema(description = "their door, e.g. 5号楼1单元302") String doorNumber) {
    }

    /** A page of the grid heads of the community's grids, by grid then user; one statement per kind. */
    @Transactional(readOnly = true)
    public PageResult<GridHeadView> list(CurrentUser admin, long communityId, PageQuery page) {
        requireAdminOf(admin, communityId);
        Map<Long, GridView> grids = communities.grids(communityId).stream()
                .collect(Collectors.toMap(GridView::id, Function.identity()));
        PageResult<RoleService.Holder> heads = roles.holders(Role.GRID_HEAD, grids.keySet(), page);
        Map<Long, UserView> people = users.findAll(heads.items().stream().map(RoleService.Holder::userId).toList());
        return heads.map(h -> view(h.userId(), people.get(h.userId()), grids.get(h.scopeId())));
    }

    @Transactional
    public GridHeadView grant(CurrentUser admin, GridHeadRequest request) {
        GridView grid = gridOf(admin, request);
        UserView user = users.find(request.userId()).orElseThrow(() ->
                ApiException.badField(CommonError.VALIDATION_FAILED, "userId", "no user has this id"));
        roles.grant(user.id(), Role.GRID_HEAD, grid.id());
        audit.record(admin.id(), grid.communityId(), "grid-head.grant", "user", user.id(), "grid " + grid.id());
        return view(user.id(), grid);
    }

    /** Revokes the role for this grid; answers whether the user held it. */
    @Transactional
    public boolean revoke(CurrentUser admin, GridHeadRequest request) {
        GridView grid = gridOf(admin, request);
        boolean held = roles.revoke(request.userId(), Role.GRID_HEAD, grid.id());
        if (held) {
            audit.record(admin.id(), grid.communityId(), "grid-head.revoke", "user", request.userId(),
                    "grid " + grid.id());
        }
        return held;
    }

    public WishDetail postFor(CurrentUser gridHead, OnBehalfWishRequest request) {
        if (!gridHead.isGridHeadOf(request.gridId())) {
            throw new ApiException(WishError.NOT_GRID_HEAD);
        }
        return posting.post(gridHead, new WishPosting.Draft(request.communityId(), request.gridId(),
                request.title().strip(), request.text().strip(), request.category(), request.urgency(), request.photos(),
                request.residentName().strip(), null, request.doorNumber().strip(), true));
    }

    private GridView gridOf(CurrentUser admin, GridHeadRequest request) {
        requireAdminOf(admin, request.communityId());
        communities.requireGridInCommunity(request.gridId(), request.communityId(), "gridId");
        return communities.grids(request.communityId()).stream().filter(g -> g.id() == request.gridId())
                .findFirst().orElseThrow();
    }

    private GridHeadView view(long userId, GridView grid) {
        return view(userId, users.find(userId).orElse(null), grid);
    }

    /** @param user null when the account is gone */
    private static GridHeadView view(long userId, UserView user, GridView grid) {
        return new GridHeadView(userId, user == null ? null : user.nickname(), grid.id(), grid.name());
    }

    private static void requireAdminOf(CurrentUser admin, long communityId) {
        if (!admin.isAdminOf(communityId)) {
            throw new ApiException(WishError.NOT_COMMUNITY_ADMIN);
        }
    }
}
