package cn.doorstep.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Bookings. Each change of status is conditional on the status it leaves; the row count decides. */
@Mapper
public interface BookingMapper {

    @Insert("""
            INSERT INTO booking (slot_id, user_id, station_id, service_id, activity_id, code, status, active_key,
                starts_at, ends_at, week_start, created_at)
            VALUES (#{slotId}, #{userId}, #{stationId}, #{serviceId}, #{activityId}, #{code}, 'BOOKED', 1,
                #{startsAt}, #{endsAt}, #{weekStart}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(BookingRow row);

    @Select("SELECT * FROM booking WHERE id = #{id}")
    BookingRow selectById(long id);

    @Select("SELECT * FROM booking WHERE code = #{code}")
    BookingRow selectByCode(String code);

    @Select("SELECT * FROM booking WHERE slot_id = #{slotId} AND user_id = #{userId} AND active_key = 1")
    BookingRow selectActive(@Param("slotId") long slotId, @Param("userId") long userId);

    @Select("SELECT user_id FROM booking WHERE slot_id = #{slotId} AND active_key = 1")
    List<Long> selectHolders(long slotId);

    @Select("SELECT * FROM booking WHERE slot_id = #{slotId} AND status = 'BOOKED'")
    List<BookingRow> selectBookedOf(long slotId);

    @Select("""
            SELECT COUNT(*) FROM booking
            WHERE user_id = #{userId} AND service_id = #{serviceId} AND week_start = #{weekStart} AND active_key = 1
            """)
    int countInWeek(@Param("userId") long userId, @Param("serviceId") long serviceId, @Param("weekStart") LocalDate weekStart);

    @Select("SELECT COUNT(*) FROM booking WHERE user_id = #{userId}")
    long countOf(long userId);

    @Select("SELECT * FROM booking WHERE user_id = #{userId} ORDER BY starts_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}")
    List<BookingRow> selectOf(@Param("userId") long userId, @Param("limit") int limit, @Param("offset") long offset);

    @Select("""
            <script>
            SELECT COUNT(*) FROM booking WHERE station_id IN
            <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
            AND starts_at &gt;= #{from} AND starts_at &lt; #{to} AND status != 'CANCELLED'
            </script>
            """)
    long countAtStations(@Param("stations") Collection<Long> stations, @Param("from") Instant from,
                         @Param("to") Instant to);

    @Select("""
            <script>
            SELECT * FROM booking WHERE station_id IN
            <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
            AND starts_at &gt;= #{from} AND starts_at &lt; #{to} AND status != 'CANCELLED'
            ORDER BY starts_at, id LIMIT #{limit} OFFSET #{offset}
            </script>
            """)
    List<BookingRow> selectAtStations(@Param("stations") Collection<Long> stations, @Param("from") Instant from,
                                      @Param("to") Instant to, @Param("limit") int limit, @Param("offset") long offset);

    /** An admin's list: bookings at these stations, of one status or all, starting in [from, to) when given. */
    @Select("""
            <script>
            SELECT COUNT(*) FROM booking WHERE station_id IN
            <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
            <if test="status != null">AND status = #{status}</if>
            <if test="from != null">AND starts_at &gt;= #{from}</if>
            <if test="to != null">AND starts_at &lt; #{to}</if>
            </script>
            """)
    long countForAdmin(@Param("stations") Collection<Long> stations, @Param("status") String status,
                       @Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            <script>
            SELECT * FROM booking WHERE station_id IN
            <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
            <if test="status != null">AND status = #{status}</if>
            <if test="from != null">AND starts_at &gt;= #{from}</if>
            <if test="to != null">AND starts_at &lt; #{to}</if>
            ORDER BY starts_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}
            </script>
            """)
    List<BookingRow> selectForAdmin(@Param("stations") Collection<Long> stations, @Param("status") String status,
                                    @Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit,
                                    @Param("offset") long offset);

    /** One batch of the 台账 export: the same filters, in id order after {@code afterId}. */
    @Select("""
            <script>
            SELECT * FROM booking WHERE station_id IN
            <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
            <if test="status != null">AND status = #{status}</if>
            <if test="from != null">AND starts_at &gt;= #{from}</if>
            <if test="to != null">AND starts_at &lt; #{to}</if>
            AND id &gt; #{afterId} ORDER BY id LIMIT #{limit}
            </script>
            """)
    List<BookingRow> selectExportBatch(@Param("stations") Collection<Long> stations, @Param("status") String status,
                                       @Param("from") Instant from, @Param("to") Instant to,
                                       @Param("afterId") long afterId, @Param("limit") int limit);

    /** The bookings still to check in at a station in [from, to): what staff look a resident up in. */
    @Select("""
            SELECT * FROM booking WHERE station_id = #{stationId} AND status = 'BOOKED'
            AND starts_at >= #{from} AND starts_at < #{to} ORDER BY starts_at, id LIMIT #{limit}
            """)
    List<BookingRow> selectToCheckIn(@Param("stationId") long stationId, @Param("from") Instant from,
                                     @Param("to") Instant to, @Param("limit") int limit);

    @Update("""
            UPDATE booking SET status = 'CANCELLED', active_key = NULL, cancelled_at = #{at}, cancelled_by = #{by}
            WHERE id = #{id} AND status = 'BOOKED'
            """)
    int cancel(@Param("id") long id, @Param("at") Instant at, @Param("by") long by);

    @Update("""
            UPDATE booking SET status = 'CHECKED_IN', checked_in_at = #{at}, checked_in_by = #{by}
            WHERE id = #{id} AND status = 'BOOKED'
            """)
    int checkIn(@Param("id") long id, @Param("at") Instant at, @Param("by") long by);

    @Select("SELECT id FROM booking WHERE status = 'BOOKED' AND ends_at < #{before} ORDER BY ends_at LIMIT #{limit}")
    List<Long> selectDueNoShows(@Param("before") Instant before, @Param("limit") int limit);

    @Update("UPDATE booking SET status = 'NO_SHOW' WHERE id = #{id} AND status = 'BOOKED' AND ends_at < #{before}")
    int markNoShow(@Param("id") long id, @Param("before") Instant before);

    @Select("SELECT COUNT(*) FROM booking WHERE user_id = #{userId} AND status = 'NO_SHOW' AND ends_at > #{since}")
    int countNoShowsSince(@Param("userId") long userId, @Param("since") Instant since);

    @Select("""
            SELECT * FROM booking WHERE status = 'BOOKED' AND starts_at > #{from} AND starts_at <= #{to}
            AND reminded_at IS NULL ORDER BY starts_at LIMIT #{limit}
            """)
    List<BookingRow> selectToRemind(@Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit);

    @Update("UPDATE booking SET reminded_at = #{at} WHERE id = #{id} AND reminded_at IS NULL AND status = 'BOOKED'")
    int markReminded(@Param("id") long id, @Param("at") Instant at);
}
