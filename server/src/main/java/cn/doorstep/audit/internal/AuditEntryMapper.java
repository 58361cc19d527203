package cn.doorstep.audit.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AuditEntryMapper extends BaseMapper<AuditEntry> {

    default List<AuditEntry> selectByTarget(String targetType, String targetId) {
        return selectList(new LambdaQueryWrapper<AuditEntry>().eq(AuditEntry::getTargetType, targetType)
                .eq(AuditEntry::getTargetId, targetId).orderByAsc(AuditEntry::getId));
    }

    /**
     * The reader's page, newest first. {@code communities} null means every row (a platform admin's
     * view, rows without a community included); otherwise only rows of those communities.
     */
    default Page<AuditEntry> selectFiltered(Collection<Long> communities, Long actorId, String targetType,
                                            String targetId, String action, Instant from, Instant until,
                                            Page<AuditEntry> page) {
        return selectPage(page, new LambdaQueryWrapper<AuditEntry>()
                .in(communities != null, AuditEntry::getCommunityId, communities)
                .eq(actorId != null, AuditEntry::getActorId, actorId)
                .eq(targetType != null, AuditEntry::getTargetType, targetType)
                .eq(targetId != null, AuditEntry::getTargetId, targetId)
                .eq(action != null, AuditEntry::getAction, action)
                .ge(from != null, AuditEntry::getCreatedAt, from)
                .lt(until != null, AuditEntry::getCreatedAt, until)
                .orderByDesc(AuditEntry::getId));
    }
}
