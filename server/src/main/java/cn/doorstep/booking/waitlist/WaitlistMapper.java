package cn.doorstep.booking.waitlist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The waitlist: every move is conditional on the entry's current status; the row count decides. */
@Mapper
public interface WaitlistMapper {

    @Insert("""
            INSERT INTO booking_waitlist (slot_id, user_id, status, active_key, created_at)
            VALUES (#{slotId}, #{userId}, 'WAITING', 1, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(WaitlistRow row);

    @Select("SELECT * FROM booking_waitlist WHERE id = #{id}")
    WaitlistRow selectById(long id);

    @Select("SELECT * FROM booking_waitlist WHERE slot_id = #{slotId} AND user_id = #{userId} AND active_key = 1")
    WaitlistRow selectLive(@Param("slotId") long slotId, @Param("userId") long userId);

    @Select("SELECT COUNT(*) FROM booking_waitlist WHERE user_id = #{userId}")
    long countOf(long userId);

    @Select("SELECT * FROM booking_waitlist WHERE user_id = #{userId} ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<WaitlistRow> selectOf(@Param("userId") long userId, @Param("limit") int limit, @Param("offset") long offset);

    /** How many wait ahead of each of these entries (entries nobody waits ahead of are absent); one statement. */
    @Select("""
            <script>
            SELECT w.id, COUNT(*) AS ahead FROM booking_waitlist w
            JOIN booking_waitlist a ON a.slot_id = w.slot_id AND a.status = 'WAITING' AND a.id &lt; w.id
            WHERE w.id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            GROUP BY w.id
            </script>
            """)
    List<Ahead> selectAhead(@Param("ids") Collection<Long> ids);

    record Ahead(Long id, Long ahead) {
    }

    /** A slot's line as staff see it: who waits and who holds an offer, first come first. */
    @Select("SELECT COUNT(*) FROM booking_waitlist WHERE slot_id = #{slotId} AND active_key = 1")
    long countLiveOf(long slotId);

    @Select("""
            SELECT * FROM booking_waitlist WHERE slot_id = #{slotId} AND active_key = 1
            ORDER BY id LIMIT #{limit} OFFSET #{offset}
            """)
    List<WaitlistRow> selectLiveOf(@Param("slotId") long slotId, @Param("limit") int limit, @Param("offset") long offset);

    /** The first in line who is still waiting. */
    @Select("SELECT * FROM booking_waitlist WHERE slot_id = #{slotId} AND status = 'WAITING' ORDER BY id LIMIT 1")
    WaitlistRow selectFirstWaiting(long slotId);

    @Select("SELECT COUNT(*) FROM booking_waitlist WHERE slot_id = #{slotId} AND status = 'WAITING' AND id < #{id}")
    int countAhead(@Param("slotId") long slotId, @Param("id") long id);

    @Select("SELECT user_id FROM booking_waitlist WHERE slot_id = #{slotId} AND status = 'OFFERED'")
    List<Long> selectOffered(long slotId);

    @Update("""
            UPDATE booking_waitlist SET status = 'OFFERED', offered_at = #{at}, offer_expires_at = #{until}
            WHERE id = #{id} AND status = 'WAITING'
            """)
    int offer(@Param("id") long id, @Param("at") Instant at, @Param("until") Instant until);

    @Update("""
            UPDATE booking_waitlist SET status = 'ACCEPTED', active_key = NULL, booking_id = #{bookingId}
            WHERE id = #{id} AND status = 'OFFERED' AND offer_expires_at > #{now}
            """)
    int accept(@Param("id") long id, @Param("bookingId") long bookingId, @Param("now") Instant now);

    @Update("""
            UPDATE booking_waitlist SET status = 'EXPIRED', active_key = NULL
            WHERE id = #{id} AND status = 'OFFERED' AND offer_expires_at <= #{now}
            """)
    int expire(@Param("id") long id, @Param("now") Instant now);

    /** Leaving the line; {@code status} is what the entry had when read (WAITING or OFFERED). */
    @Update("UPDATE booking_waitlist SET status = 'LEFT', active_key = NULL WHERE id = #{id} AND status = #{status}")
    int leave(@Param("id") long id, @Param("status") String status);

    @Update("""
            UPDATE booking_waitlist SET status = 'CLOSED', active_key = NULL
            WHERE slot_id = #{slotId} AND status IN ('WAITING', 'OFFERED')
            """)
    int closeAll(long slotId);

    @Select("""
            SELECT * FROM booking_waitlist WHERE status = 'OFFERED' AND offer_expires_at <= #{now}
            ORDER BY offer_expires_at LIMIT #{limit}
            """)
    List<WaitlistRow> selectExpiredOffers(@Param("now") Instant now, @Param("limit") int limit);
}
