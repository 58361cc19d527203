package cn.doorstep.deliberation.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Who seconded which topic; the primary key (topic, user) makes a second one a DuplicateKeyException. */
@Mapper
public interface SupportMapper {

    @Insert("INSERT INTO deliberation_support (topic_id, user_id, created_at) VALUES (#{topicId}, #{userId}, #{at})")
    void insert(@Param("topicId") long topicId, @Param("userId") long userId, @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM deliberation_support WHERE topic_id = #{topicId} AND user_id = #{userId}")
    int count(@Param("topicId") long topicId, @Param("userId") long userId);

    @Select("SELECT user_id FROM deliberation_support WHERE topic_id = #{topicId} ORDER BY user_id")
    List<Long> supportersOf(@Param("topicId") long topicId);
}
