package cn.doorstep.party.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PartyRegistrationMapper extends BaseMapper<PartyRegistration> {

    /** The registrations in this status of many users: one statement. */
    default List<PartyRegistration> selectByUsers(Collection<Long> userIds, String status) {
        return selectList(new LambdaQueryWrapper<PartyRegistration>().in(PartyRegistration::getUserId, userIds).eq(PartyRegistration::getStatus, status));
    }

    /** At most {@code limit} registrations in this status whose real name contains {@code part}, newest first. */
    default List<PartyRegistration> selectNamed(String part, String status, int limit) {
        return selectPage(new Page<>(1, limit, false), new LambdaQueryWrapper<PartyRegistration>().like(PartyRegistration::getRealName, part)
                .eq(PartyRegistration::getStatus, status).orderByDesc(PartyRegistration::getId)).getRecords();
    }

    default PartyRegistration selectByUser(long userId) {
        return selectOne(new LambdaQueryWrapper<PartyRegistration>().eq(PartyRegistration::getUserId, userId));
    }

    default Page<PartyRegistration> selectForReview(Collection<Long> communityIds, String status,
                                                    Page<PartyRegistration> page) {
        return selectPage(page, new LambdaQueryWrapper<PartyRegistration>()
                .in(PartyRegistration::getCommunityId, communityIds)
                .eq(status != null, PartyRegistration::getStatus, status).orderByAsc(PartyRegistration::getId));
    }

    default List<PartyRegistration> selectConfirmedOfUnit(long unitId) {
        return selectList(new LambdaQueryWrapper<PartyRegistration>().eq(PartyRegistration::getUnitId, unitId)
                .eq(PartyRegistration::getStatus, "CONFIRMED").orderByAsc(PartyRegistration::getId));
    }

    /**
     * A pending or rejected registration may be corrected and sent again; a confirmed one may not. A new
     * version: an admin who read the earlier one decides nothing until they read this.
     */
    @Update("""
            UPDATE party_registration SET community_id = #{communityId}, unit_id = #{unitId}, real_name = #{realName},
                   status = 'PENDING', reject_reason = NULL, reviewed_by = NULL, reviewed_at = NULL, updated_at = #{at},
                   version = version + 1
            WHERE user_id = #{userId} AND status IN ('PENDING', 'REJECTED')
            """)
    int resubmit(@Param("userId") long userId, @Param("communityId") long communityId, @Param("unitId") long unitId,
                 @Param("realName") String realName, @Param("at") Instant at);

    /**
     * Only the PENDING registration the admin read (its version) can be decided, once: an admin who
     * loses a race, or who read an older version, changes nothing.
     */
    @Update("""
            UPDATE party_registration SET status = 'CONFIRMED', reviewed_by = #{reviewer}, reviewed_at = #{at},
                   updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'PENDING' AND version = #{version}
            """)
    int confirm(@Param("id") long id, @Param("version") int version, @Param("reviewer") long reviewer,
                @Param("at") Instant at);

    @Update("""
            UPDATE party_registration SET status = 'REJECTED', reject_reason = #{reason}, reviewed_by = #{reviewer},
                   reviewed_at = #{at}, updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'PENDING' AND version = #{version}
            """)
    int reject(@Param("id") long id, @Param("version") int version, @Param("reviewer") long reviewer,
               @Param("reason") String reason, @Param("at") Instant at);
}
