package cn.doorstep.wish.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * One lock row per volunteer. A claim locks its claimer's row first, then counts their open claims:
 * claims of one volunteer run one after another, so the cap holds however many arrive at once, while
 * claims of different volunteers never wait for each other.
 */
@Mapper
public interface ClaimerMapper {

    /** Outside the claim's transaction, so the lock below is a plain exclusive lock on an existing row. */
    @Insert("INSERT IGNORE INTO wish_claimer (user_id, created_at) VALUES (#{userId}, #{at})")
    int ensure(@Param("userId") long userId, @Param("at") Instant at);

    @Select("SELECT user_id FROM wish_claimer WHERE user_id = #{userId} FOR UPDATE")
    Long lock(@Param("userId") long userId);
}
