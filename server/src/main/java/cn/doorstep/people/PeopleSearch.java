package cn.doorstep.people;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.LikeText;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.community.CommunityService;
import cn.doorstep.points.MemberCodes;
import cn.doorstep.user.RegisteredNames;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding people in an admin's scope: the users of the communities they administer (directly or below
 * their street or district), everyone for a platform admin. One page reads each kind of related data
 * (roles, names as registered, member codes, community names) in one statement, however long the page.
 */
@Service
public class PeopleSearch {

    /** How many users a name as registered may match per registering feature before the scope is applied. */
    static final int NAME_MATCHES = 200;

    private final UserService users;
    private final RoleService roles;
    private final List<RegisteredNames> registeredNames;
    private final MemberCodes memberCodes;
    private final CommunityService communities;

    PeopleSearch(UserService users, RoleService roles, List<RegisteredNames> registeredNames, MemberCodes memberCodes,
                 CommunityService communities) {
        this.users = users;
        this.roles = roles;
        this.registeredNames = registeredNames;
        this.memberCodes = memberCodes;
        this.communities = communities;
    }

    /**
     * A page of the people in scope, newest first: with {@code q}, those whose phone ends in it (four
     * digits) or else whose nickname contains it, and those whose name as registered contains it or whose
     * member code it is.
     */
    @Transactional(readOnly = true)
    public PageResult<PersonView> search(CurrentUser me, String q, PageQuery page) {
        Set<Long> scope = me.isPlatformAdmin() ? null : me.adminCommunityIds();
        Set<Long> alsoIds = new LinkedHashSet<>();
        if (q != null && !q.isBlank()) {
            String text = q.strip();
            registeredNames.forEach(names -> alsoIds.addAll(names.usersRegisteredAs(LikeText.escape(text), NAME_MATCHES)));
            if (text.matches("[A-Za-z0-9]{4,16}")) {
                memberCodes.holderOf(text).ifPresent(alsoIds::add);
            }
        }
        PageResult<UserView> found = users.search(scope, q, alsoIds, page);
        List<Long> ids = found.items().stream().map(UserView::id).toList();
        Map<Long, String> names = new HashMap<>();
        registeredNames.forEach(source -> source.registeredNames(ids).forEach(names::putIfAbsent)); // first source wins
        Map<Long, String> codes = memberCodes.of(ids);
        var held = roles.heldBy(ids);
        Map<Long, String> communityNames = communities.namesOf(found.items().stream().map(UserView::communityId)
                .filter(Objects::nonNull).distinct().toList());
        return found.map(u -> new PersonView(u.id(), u.nickname(), u.avatarUrl(), u.phone(), u.communityId(),
                u.communityId() == null ? null : communityNames.get(u.communityId()), names.get(u.id()),
                codes.get(u.id()), held.getOrDefault(u.id(), List.of()), u.createdAt()));
    }
}
