package cn.doorstep.user;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.LikeText;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.community.CommunityService;
import cn.doorstep.media.UploaderOpenids;
import cn.doorstep.user.internal.AppUser;
import cn.doorstep.user.internal.AppUserMapper;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wechat.WeChatError;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class UserService implements UploaderOpenids {

    private final AppUserMapper users;
    private final CommunityService communities;
    private final ApplicationEventPublisher events;
    private final WeChatClient weChat;
    private final TransactionTemplate transaction;

    UserService(AppUserMapper users, CommunityService communities, ApplicationEventPublisher events, WeChatClient weChat,
                TransactionTemplate transaction) {
        this.users = users;
        this.communities = communities;
        this.events = events;
        this.weChat = weChat;
        this.transaction = transaction;
    }

    /** msgSecCheck's scene for profile data (资料). */
    private static final int NICKNAME_SCENE = 1;

    /**
     * The user behind a WeChat openid, created on first sight. Two first logins racing each other
     * meet at the unique key on openid: the loser reads the winner's row. Deliberately outside a
     * transaction: inside one, REPEATABLE READ would hide the winner's row from the loser's re-read.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SignIn findOrCreateByOpenid(String openid, String unionid) {
        AppUser existing = users.selectByOpenid(openid);
        if (existing != null) {
            if (unionid != null && !unionid.equals(existing.getUnionid())) {
                existing.setUnionid(unionid);
                users.updateById(existing);
            }
            return new SignIn(view(existing), false, existing.getDisabledAt() != null);
        }
        var user = new AppUser();
        user.setOpenid(openid);
        user.setUnionid(unionid);
        try {
            users.insert(user);
            return new SignIn(view(user), true, false);
        } catch (DuplicateKeyException raced) {
            AppUser winner = users.selectByOpenid(openid);
            return new SignIn(view(winner), false, winner.getDisabledAt() != null);
        }
    }

    @Transactional(readOnly = true)
    public UserView get(long userId) {
        return view(require(userId));
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(UserService::view);
    }

    /** The ids of the members of these communities (idx_app_user_community), for figures summed over them. */
    @Transactional(readOnly = true)
    public List<Long> memberIds(Collection<Long> communityIds) {
        return communityIds.isEmpty() ? List.of() : users.selectObjs(new LambdaQueryWrapper<AppUser>()
                .select(AppUser::getId).in(AppUser::getCommunityId, communityIds)).stream()
                .map(id -> ((Number) id).longValue()).toList();
    }

    /** Many users at once, for a list: one statement however many. Ids without a user are left out. */
    @Transactional(readOnly = true)
    public Map<Long, UserView> findAll(Collection<Long> userIds) {
        return findAllRows(userIds).stream().collect(Collectors.toMap(AppUser::getId, UserService::view));
    }

    private List<AppUser> findAllRows(Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : users.selectByIds(Set.copyOf(userIds));
    }

    /**
     * A page of the users in these communities ({@code null}: all of them), newest first: with a
     * {@code q} of four digits, those whose phone ends in it; with another {@code q}, those whose nickname
     * contains it; either way also those whose id is among {@code alsoIds} (found by the caller elsewhere:
     * a name as registered, a member code). Without a {@code q}, everyone in scope.
     */
    @Transactional(readOnly = true)
    public PageResult<UserView> search(Set<Long> communityIds, String q, Collection<Long> alsoIds, PageQuery page) {
        if (communityIds != null && communityIds.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        String last4 = text != null && text.matches("[0-9]{4}") ? text : null;
        // four digits are a phone's end, not a nickname: an OR with a LIKE '%…%' would make every search by
        // phone read the whole table (measured), while phone_last4 alone is an index lookup
        String nicknamePart = text == null || last4 != null ? null : LikeText.escape(text);
        Page<AppUser> rows = users.search(communityIds, nicknamePart, last4, text == null ? List.of() : alsoIds,
                new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(UserService::view).toList(), rows.getTotal(), page);
    }

    /**
     * The user, for an admin who may act on them: a platform admin on anyone, another admin on the users
     * of the communities they administer (directly or below their street or district). Anyone else is
     * simply not found (404 12001): we never say that another community's user exists.
     */
    @Transactional(readOnly = true)
    public UserView requireInScopeOf(CurrentUser admin, long userId) {
        UserView target = find(userId).orElseThrow(() -> new ApiException(UserError.USER_NOT_FOUND));
        if (!admin.isPlatformAdmin() && (target.communityId() == null || !admin.isAdminOf(target.communityId()))) {
            throw new ApiException(UserError.USER_NOT_FOUND);
        }
        return target;
    }

    /** The user signed in with this WeChat openid, if they ever did. */
    @Transactional(readOnly = true)
    public Optional<UserView> findByOpenid(String openid) {
        return Optional.ofNullable(users.selectByOpenid(openid)).map(UserService::view);
    }

    /** The WeChat openid to address a subscribe message to (never shown to anyone). */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> openidOf(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(AppUser::getOpenid);
    }

    /**
     * The whole phone number, for the few who may see it (a wish's poster and its claimer, each reveal
     * audited by the caller); empty when none is bound. Everyone else sees {@link UserView#phone()}, masked.
     */
    @Transactional(readOnly = true)
    public Optional<String> phoneOf(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(AppUser::getPhone);
    }

    /** The whole numbers of many users, for masking in a list: one statement. Users without a number are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> phonesOf(Collection<Long> userIds) {
        return findAllRows(userIds).stream().filter(u -> u.getPhone() != null)
                .collect(Collectors.toMap(AppUser::getId, AppUser::getPhone));
    }

    /** Binds the phone WeChat vouched for; a change of number is announced ({@link PhoneChanged}). */
    @Transactional
    public UserView bindPhone(long userId, String phone) {
        AppUser user = require(userId);
        String before = user.getPhone();
        user.setPhone(phone);
        users.updateById(user);
        if (before != null && !before.equals(phone)) {
            events.publishEvent(new PhoneChanged(userId));
        }
        return view(user);
    }

    /**
     * A nickname is checked by WeChat (msgSecCheck, scene 资料, as the user) before anything is stored,
     * outside the transaction: risky or review is refused (422 naming nickname); WeChat not answering lets
     * it through (counted in doorstep.wechat.failures): a profile edit is not held for a check that may
     * never come, and nothing else changes with it.
     */
    public UserView updateProfile(long userId, ProfileUpdate update) {
        if (update.nickname() != null) {
            var check = weChat.checkText(openidOf(userId).orElse(null), NICKNAME_SCENE, null, update.nickname().strip());
            if (check.verdict() == WeChatClient.Verdict.RISKY || check.verdict() == WeChatClient.Verdict.REVIEW) {
                throw ApiException.badField(WeChatError.TEXT_RISKY, "nickname", "WeChat's content check found it unsuitable");
            }
        }
        return transaction.execute(tx -> applyProfile(userId, update));
    }

    private UserView applyProfile(long userId, ProfileUpdate update) {
        AppUser user = require(userId);
        if (update.nickname() != null) {
            user.setNickname(update.nickname().strip());
        }
        if (update.avatarUrl() != null) {
            user.setAvatarUrl(update.avatarUrl());
        }
        if (update.communityId() != null && !update.communityId().equals(user.getCommunityId())) {
            communities.requireKnown(update.communityId(), "communityId");
            user.setCommunityId(update.communityId());
            user.setGridId(null); // a grid belongs to one community: moving leaves the old grid behind
        }
        if (update.gridId() != null) {
            if (user.getCommunityId() == null) {
                throw ApiException.badField(UserError.GRID_NEEDS_COMMUNITY, "gridId", "choose a community first");
            }
            communities.requireGridInCommunity(update.gridId(), user.getCommunityId(), "gridId");
            user.setGridId(update.gridId());
        }
        users.updateById(user);
        return view(user);
    }

    /** When an admin disabled the account; empty while it is enabled (or when there is no such user). */
    @Transactional(readOnly = true)
    public Optional<Instant> disabledSince(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(AppUser::getDisabledAt);
    }

    /**
     * Marks the account disabled from {@code at}; returns whether it was enabled (disabling it again
     * keeps the first time). Only the flag: the caller ends the account's sessions.
     */
    @Transactional
    public boolean disable(long userId, Instant at) {
        require(userId);
        return users.disable(userId, at) > 0;
    }

    /** Enables a disabled account; returns whether it was disabled. */
    @Transactional
    public boolean enable(long userId) {
        require(userId);
        return users.enable(userId) > 0;
    }

    private AppUser require(long userId) {
        AppUser user = users.selectById(userId);
        if (user == null) {
            throw new ApiException(UserError.USER_NOT_FOUND);
        }
        return user;
    }

    /**
     * A resident without WeChat, registered by a grid head in their grid: an account whose openid
     * ({@code offline:<uuid>}) no WeChat sign-in produces, holding the name (as nickname) and the door.
     */
    @Transactional
    public OfflineResident registerOffline(long gridHeadId, long communityId, long gridId, String name, String door) {
        var resident = new AppUser();
        resident.setOpenid("offline:" + UUID.randomUUID());
        resident.setNickname(name);
        resident.setDoor(door);
        resident.setCommunityId(communityId);
        resident.setGridId(gridId);
        resident.setRegisteredBy(gridHeadId);
        users.insert(resident);
        return offline(users.selectById(resident.getId()));
    }

    /** A page of the residents grid heads registered in these grids, by grid, newest first. */
    @Transactional(readOnly = true)
    public PageResult<OfflineResident> offlineInGrids(Collection<Long> gridIds, PageQuery page) {
        if (gridIds.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<AppUser> rows = users.selectOfflineInGrids(gridIds, new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(UserService::offline).toList(), rows.getTotal(), page);
    }

    private static OfflineResident offline(AppUser u) {
        return new OfflineResident(u.getId(), u.getNickname(), u.getDoor(), u.getCommunityId(), u.getGridId(),
                u.getRegisteredBy(), u.getCreatedAt());
    }

    private static UserView view(AppUser u) {
        return new UserView(u.getId(), u.getNickname(), u.getAvatarUrl(), PhoneMask.mask(u.getPhone()),
                u.getPhone() != null, u.getCommunityId(), u.getGridId(), u.getCreatedAt());
    }

    /** A user found or just created by a sign-in; {@code disabled}: an admin has disabled the account. */
    public record SignIn(UserView user, boolean created, boolean disabled) {
    }
}
