package cn.doorstep.party.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Members' confirmed wishes, one row per wish: a redelivered event inserts nothing. */
@Mapper
public interface PartyServiceMapper {

    @Insert("""
            INSERT IGNORE INTO party_service (wish_id, user_id, unit_id, community_id, month, hours, rating, confirmed_at)
            VALUES (#{wishId}, #{userId}, #{unitId}, #{communityId}, #{month}, #{hours}, #{rating}, #{confirmedAt})
            """)
    int record(@Param("wishId") long wishId, @Param("userId") long userId, @Param("unitId") long unitId,
               @Param("communityId") long communityId, @Param("month") String month, @Param("hours") BigDecimal hours,
               @Param("rating") Integer rating, @Param("confirmedAt") Instant confirmedAt);

    /** Per member of the unit in the month: wishes, hours, average rating (of the rated ones). */
    @Select("""
            SELECT user_id, COUNT(*) AS wishes, COALESCE(SUM(hours), 0) AS hours, AVG(rating) AS average_rating
            FROM party_service WHERE unit_id = #{unitId} AND month = #{month}
            GROUP BY user_id ORDER BY user_id
            """)
    List<MonthRow> selectMonth(@Param("unitId") long unitId, @Param("month") String month);

    record MonthRow(Long userId, Long wishes, BigDecimal hours, BigDecimal averageRating) {
    }
}
