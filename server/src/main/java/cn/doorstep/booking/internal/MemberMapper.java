package cn.doorstep.booking.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** A booker's row: locked by each of their bookings so the weekly limit counts one at a time. */
@Mapper
public interface MemberMapper {

    @Insert("INSERT IGNORE INTO booking_member (user_id, updated_at) VALUES (#{userId}, #{at})")
    int open(@Param("userId") long userId, @Param("at") Instant at);

    @Select("SELECT * FROM booking_member WHERE user_id = #{userId} FOR UPDATE")
    MemberRow lock(long userId);

    @Select("SELECT * FROM booking_member WHERE user_id = #{userId}")
    MemberRow selectById(long userId);

    @Update("""
            UPDATE booking_member SET paused_from = #{from}, paused_until = #{until}, pause_reason = #{reason}, updated_at = #{from}
            WHERE user_id = #{userId}
            """)
    int pause(@Param("userId") long userId, @Param("from") Instant from, @Param("until") Instant until,
              @Param("reason") String reason);
}
