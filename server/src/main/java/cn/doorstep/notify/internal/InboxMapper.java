package cn.doorstep.notify.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Inbox items and each user's counter row. The counter changes only in the transaction that changes
 * the items it counts, by exactly the rows that statement changed, so it stays exact.
 */
@Mapper
public interface InboxMapper extends BaseMapper<InboxItem> {

    /** One item per (user, fact): the same fact announced again keeps the first. 1 when it was added. */
    @Insert("""
            INSERT IGNORE INTO inbox_item (user_id, kind, title, body, page, dedupe_key, created_at)
            VALUES (#{userId}, #{kind}, #{title}, #{body}, #{page}, #{dedupeKey}, #{at})
            """)
    int add(@Param("userId") long userId, @Param("kind") String kind, @Param("title") String title,
            @Param("body") String body, @Param("page") String page, @Param("dedupeKey") String dedupeKey,
            @Param("at") Instant at);

    /** A page of the inbox, newest first: one range of {@code idx_inbox_user}, read backwards. */
    @Select("""
            SELECT id, kind, title, body, page, created_at, read_at FROM inbox_item
            WHERE user_id = #{userId} ORDER BY id DESC LIMIT #{offset}, #{size}
            """)
    List<InboxItem> selectPage(@Param("userId") long userId, @Param("offset") long offset, @Param("size") int size);

    default InboxItem selectOwn(long userId, long id) {
        return selectOne(new LambdaQueryWrapper<InboxItem>().eq(InboxItem::getId, id).eq(InboxItem::getUserId, userId));
    }

    /** 1 when this call read the item; 0 when it was read already or is not this user's. */
    @Update("UPDATE inbox_item SET read_at = #{at} WHERE id = #{id} AND user_id = #{userId} AND read_at IS NULL")
    int markRead(@Param("userId") long userId, @Param("id") long id, @Param("at") Instant at);

    /** Reads every unread item of the user; returns how many this call read. */
    @Update("UPDATE inbox_item SET read_at = #{at} WHERE user_id = #{userId} AND read_at IS NULL")
    int markAllRead(@Param("userId") long userId, @Param("at") Instant at);

    /** Counts {@code added} new unread items (creating the row on a user's first notice). */
    @Insert("""
            INSERT INTO inbox_counter (user_id, total, unread) VALUES (#{userId}, #{added}, #{added})
            ON DUPLICATE KEY UPDATE total = total + #{added}, unread = unread + #{added}
            """)
    int countAdded(@Param("userId") long userId, @Param("added") int added);

    @Update("UPDATE inbox_counter SET unread = unread - #{read} WHERE user_id = #{userId}")
    int countRead(@Param("userId") long userId, @Param("read") int read);

    /** {@code total} and {@code unread}, by primary key; null before the user's first notice. */
    @Select("SELECT total, unread FROM inbox_counter WHERE user_id = #{userId}")
    Map<String, Long> selectCounter(@Param("userId") long userId);
}
