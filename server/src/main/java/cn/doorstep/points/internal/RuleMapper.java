package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RuleMapper extends BaseMapper<RuleRow> {

    default RuleRow selectRule(long communityId, String kind) {
        return selectOne(new LambdaQueryWrapper<RuleRow>().eq(RuleRow::getCommunityId, communityId)
                .eq(RuleRow::getKind, kind));
    }

    default List<RuleRow> selectOfCommunity(long communityId) {
        return selectList(new LambdaQueryWrapper<RuleRow>().eq(RuleRow::getCommunityId, communityId));
    }

    @Insert("""
            INSERT INTO points_rule (community_id, kind, points_per_unit, daily_cap, lifetime_cap, updated_by, updated_at)
            VALUES (#{communityId}, #{kind}, #{pointsPerUnit}, #{dailyCap}, #{lifetimeCap}, #{updatedBy}, #{updatedAt})
            ON DUPLICATE KEY UPDATE points_per_unit = VALUES(points_per_unit), daily_cap = VALUES(daily_cap),
                                    lifetime_cap = VALUES(lifetime_cap), updated_by = VALUES(updated_by),
                                    updated_at = VALUES(updated_at)
            """)
    int upsert(RuleRow row);

    /** Makes the tally row of a day (or, with 1970-01-01, of all time) exist before it is locked. */
    @Insert("INSERT IGNORE INTO points_tally (user_id, kind, day, points) VALUES (#{userId}, #{kind}, #{day}, 0)")
    int openTally(@Param("userId") long userId, @Param("kind") String kind, @Param("day") LocalDate day);

    @Select("SELECT points FROM points_tally WHERE user_id = #{userId} AND kind = #{kind} AND day = #{day} FOR UPDATE")
    long lockTally(@Param("userId") long userId, @Param("kind") String kind, @Param("day") LocalDate day);

    @Update("UPDATE points_tally SET points = points + #{points} WHERE user_id = #{userId} AND kind = #{kind} AND day = #{day}")
    int addToTally(@Param("userId") long userId, @Param("kind") String kind, @Param("day") LocalDate day,
                   @Param("points") long points);
}
