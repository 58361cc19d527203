package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface WishPolicyMapper extends BaseMapper<WishPolicy> {

    @Insert("""
            INSERT INTO wish_policy (community_id, review_all, updated_by, updated_at)
            VALUES (#{communityId}, #{reviewAll}, #{by}, #{at})
            ON DUPLICATE KEY UPDATE review_all = VALUES(review_all), updated_by = VALUES(updated_by),
                                    updated_at = VALUES(updated_at)
            """)
    int upsert(@Param("communityId") long communityId, @Param("reviewAll") boolean reviewAll, @Param("by") long by,
               @Param("at") Instant at);
}
