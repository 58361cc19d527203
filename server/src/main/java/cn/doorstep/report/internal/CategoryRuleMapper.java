package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CategoryRuleMapper extends BaseMapper<CategoryRule> {

    @Insert("""
            INSERT INTO report_category_rule (category, accept_minutes, resolve_working_days, updated_by, updated_at)
            VALUES (#{category}, #{acceptMinutes}, #{resolveWorkingDays}, #{updatedBy}, #{updatedAt})
            ON DUPLICATE KEY UPDATE accept_minutes = VALUES(accept_minutes),
              resolve_working_days = VALUES(resolve_working_days), updated_by = VALUES(updated_by),
              updated_at = VALUES(updated_at)
            """)
    int upsert(CategoryRule rule);
}
