package cn.doorstep.audit.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AuditEntryMapper extends BaseMapper<AuditEntry> {

    default List<AuditEntry> selectByTarget(String targetType, String targetId) {
        return selectList(new LambdaQueryWrapper<AuditEntry>().eq(AuditEntry::getTargetType, targetType)
                .eq(AuditEntry::getTargetId, targetId).orderByAsc(AuditEntry::getId));
    }
}
