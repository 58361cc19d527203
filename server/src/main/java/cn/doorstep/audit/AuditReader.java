package cn.doorstep.audit;

import cn.doorstep.audit.internal.AuditEntry;
import cn.doorstep.audit.internal.AuditEntryMapper;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Zones;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as admins read it: a community admin (or the street or district admin above it) sees
 * the rows of their communities; a platform admin sees every row, those without a community too.
 */
@Service
public class AuditReader {

    private final AuditEntryMapper entries;
    private final UserService users;

    AuditReader(AuditEntryMapper entries, UserService users) {
        this.entries = entries;
        this.users = users;
    }

    /** What the reader filters by; every field optional, dates are China dates, both ends included. */
    public record Filter(Long communityId, Long actorId, String targetType, String targetId, String action,
                         LocalDate from, LocalDate to) {
    }

    /** One row as the reader shows it, with the actor's nickname. */
    public record Row(long id, long actorId, String actorName, Long communityId, String action, String targetType,
                      String targetId, String detail, Instant at) {
    }

    @Transactional(readOnly = true)
    public PageResult<Row> search(CurrentUser me, Filter filter, PageQuery page) {
        Set<Long> scope = scope(me, filter.communityId());
        if (scope != null && scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<AuditEntry> rows = entries.selectFiltered(scope, filter.actorId(), filter.targetType(), filter.targetId(),
                filter.action(), Zones.startOf(filter.from()), Zones.endOf(filter.to()),
                new Page<>(page.page(), page.size()));
        Map<Long, UserView> actors = users.findAll(rows.getRecords().stream().map(AuditEntry::getActorId).toList());
        return PageResult.of(rows.getRecords().stream().map(e -> {
            UserView actor = actors.get(e.getActorId());
            return new Row(e.getId(), e.getActorId(), actor == null ? null : actor.nickname(), e.getCommunityId(),
                    e.getAction(), e.getTargetType(), e.getTargetId(), e.getDetail(), e.getCreatedAt());
        }).toList(), rows.getTotal(), page);
    }

    /** The communities whose rows the caller reads (narrowed to one when named); null for all rows. */
    private static Set<Long> scope(CurrentUser me, Long communityId) {
        if (me.isPlatformAdmin()) {
            return communityId == null ? null : Set.of(communityId);
        }
        Set<Long> mine = me.adminCommunityIds();
        if (communityId != null) {
            return mine.contains(communityId) ? Set.of(communityId) : Set.of();
        }
        return mine;
    }
}
