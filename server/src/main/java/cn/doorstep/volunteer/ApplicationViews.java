package cn.doorstep.volunteer;

import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.community.CommunityService;
import cn.doorstep.user.PhoneMask;
import cn.doorstep.user.UserService;
import cn.doorstep.volunteer.internal.VolunteerApplication;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Applications as replies show them: community names and the bound phones of a page read in one
 * statement each, every phone masked.
 */
@Component
class ApplicationViews {

    private final CommunityService communities;
    private final UserService users;

    ApplicationViews(CommunityService communities, UserService users) {
        this.communities = communities;
        this.users = users;
    }

    PageResult<ApplicationView> page(Page<VolunteerApplication> rows, PageQuery page) {
        return PageResult.of(views(rows.getRecords()), rows.getTotal(), page);
    }

    ApplicationView one(VolunteerApplication row) {
        return views(List.of(row)).get(0);
    }

    private List<ApplicationView> views(List<VolunteerApplication> rows) {
        Map<Long, String> names = communities.namesOf(rows.stream().map(VolunteerApplication::getCommunityId).toList());
        Map<Long, String> bound = users.phonesOf(rows.stream().filter(a -> a.getContactPhone() == null)
                .map(VolunteerApplication::getUserId).toList());
        return rows.stream().map(a -> new ApplicationView(a.getId(), a.getUserId(), a.getCommunityId(),
                names.get(a.getCommunityId()), a.getRealName(), skills(a.getSkills()), a.getAvailability(),
                PhoneMask.mask(a.getContactPhone() != null ? a.getContactPhone() : bound.get(a.getUserId())),
                a.getContactPhone() == null, ApplicationStatus.valueOf(a.getStatus()), a.getReason(),
                a.getReviewedAt(), a.getEndedAt(), a.getCreatedAt())).toList();
    }

    static String write(Collection<VolunteerSkill> skills) {
        return EnumSet.copyOf(skills).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static List<VolunteerSkill> skills(String stored) {
        return stored == null || stored.isEmpty() ? List.of()
                : Arrays.stream(stored.split(",")).map(VolunteerSkill::valueOf).sorted().toList();
    }
}
