package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The wish table. Every transition is one conditional UPDATE from the state (and actor) it starts
 * from; the caller checks the row count, so of two actors racing for one wish exactly one moves it.
 */
@Mapper
public interface WishMapper extends BaseMapper<Wish> {

    // ---- reading -------------------------------------------------------------------------------

    /** The wall: one status (a published one), newest first, optionally narrowed. */
    default Page<Wish> selectWall(Long communityId, Long gridId, String category, String status, Page<Wish> page) {
        return selectPage(page, new LambdaQueryWrapper<Wish>().eq(Wish::getStatus, status)
                .eq(communityId != null, Wish::getCommunityId, communityId)
                .eq(gridId != null, Wish::getGridId, gridId)
                .eq(category != null, Wish::getCategory, category)
                .orderByDesc(Wish::getPublishedAt).orderByDesc(Wish::getId));
    }

    default Page<Wish> selectByPoster(long posterId, String status, Page<Wish> page) {
        return selectPage(page, new LambdaQueryWrapper<Wish>().eq(Wish::getPosterId, posterId)
                .eq(status != null, Wish::getStatus, status).orderByDesc(Wish::getId));
    }

    /** What a volunteer holds: wishes they claimed, and wishes dispatched to them awaiting their answer. */
    default Page<Wish> selectByClaimer(long userId, String status, Page<Wish> page) {
        return selectPage(page, new LambdaQueryWrapper<Wish>()
                .and(w -> w.eq(Wish::getClaimerId, userId)
                        .or(d -> d.eq(Wish::getAssigneeId, userId).eq(Wish::getStatus, "DISPATCHED")))
                .eq(status != null, Wish::getStatus, status).orderByDesc(Wish::getId));
    }

    default Page<Wish> selectForAdmin(Collection<Long> communityIds, String status, boolean flagged, Page<Wish> page) {
        return selectPage(page, new LambdaQueryWrapper<Wish>().in(Wish::getCommunityId, communityIds)
                .eq(status != null, Wish::getStatus, status).isNotNull(flagged, Wish::getFlagReason)
                .orderByAsc(Wish::getId));
    }

    /**
     * Flags the wish for its admins (a photo or text WeChat found risky or could not judge), replacing the
     * flag it was read with ({@code current}, null for none): a concurrent flag makes this match no row.
     */
    default int flag(long id, String current, String reason, Instant now) {
        return update(null, new LambdaUpdateWrapper<Wish>().set(Wish::getFlagReason, reason).set(Wish::getFlaggedAt, now)
                .eq(Wish::getId, id).isNull(current == null, Wish::getFlagReason)
                .eq(current != null, Wish::getFlagReason, current));
    }

    /** An admin looked at the flag, as they read it (two admins: one clears it). */
    default int clearFlag(long id, String reason) {
        return update(null, new LambdaUpdateWrapper<Wish>().set(Wish::getFlagReason, null).set(Wish::getFlaggedAt, null)
                .eq(Wish::getId, id).eq(Wish::getFlagReason, reason));
    }

    /** Wishes of those communities posted in the period, of one status or all (the 台账 export). */
    default long countForExport(Collection<Long> communities, String status, Instant from, Instant until) {
        return selectCount(exported(communities, status, from, until));
    }

    /** One batch of the export, in id order after {@code afterId}. */
    default List<Wish> selectExportBatch(Collection<Long> communities, String status, Instant from, Instant until,
                                         long afterId, int limit) {
        return selectPage(new Page<>(1, limit, false), exported(communities, status, from, until)
                .gt(Wish::getId, afterId).orderByAsc(Wish::getId)).getRecords();
    }

    private static LambdaQueryWrapper<Wish> exported(Collection<Long> communities, String status, Instant from,
                                                     Instant until) {
        return new LambdaQueryWrapper<Wish>().in(Wish::getCommunityId, communities)
                .eq(status != null, Wish::getStatus, status)
                .ge(from != null, Wish::getCreatedAt, from)
                .lt(until != null, Wish::getCreatedAt, until);
    }

    /** Open claims of one volunteer; read while their claimer row is locked (see {@link ClaimerMapper}). */
    @Select("SELECT COUNT(*) FROM wish WHERE claimer_id = #{claimerId} AND status = 'CLAIMED'")
    int countOpenClaims(@Param("claimerId") long claimerId);

    /** Claims and dispatches past their deadline. */
    @Select("""
            SELECT * FROM wish WHERE status IN ('CLAIMED', 'DISPATCHED') AND claim_deadline <= #{now}
            ORDER BY claim_deadline LIMIT #{limit}
            """)
    List<Wish> selectPastDeadline(@Param("now") Instant now, @Param("limit") int limit);

    /** Fulfilments the poster let pass without confirming or disputing. */
    @Select("""
            SELECT * FROM wish WHERE status = 'FULFILLED' AND confirm_due <= #{now}
            ORDER BY confirm_due LIMIT #{limit}
            """)
    List<Wish> selectDueForConfirmation(@Param("now") Instant now, @Param("limit") int limit);

    // ---- transitions ---------------------------------------------------------------------------

    @Update("""
            UPDATE wish SET status = 'OPEN', published_at = #{at}, reviewed_by = #{admin}, reviewed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING_REVIEW'
            """)
    int approve(@Param("id") long id, @Param("admin") long admin, @Param("at") Instant at);

    @Update("""
            UPDATE wish SET status = 'REJECTED', review_reason = #{reason}, reviewed_by = #{admin}, reviewed_at = #{at},
                            updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING_REVIEW'
            """)
    int reject(@Param("id") long id, @Param("admin") long admin, @Param("reason") String reason, @Param("at") Instant at);

    @Update("""
            UPDATE wish SET status = 'CLAIMED', claimer_id = #{claimer}, claimed_at = #{at}, claim_deadline = #{deadline},
                            updated_at = #{at}
            WHERE id = #{id} AND status = 'OPEN'
            """)
    int claim(@Param("id") long id, @Param("claimer") long claimer, @Param("at") Instant at,
              @Param("deadline") Instant deadline);

    @Update("""
            UPDATE wish SET status = 'DISPATCHED', assignee_id = #{assignee}, dispatched_at = #{at},
                            claim_deadline = #{deadline}, updated_at = #{at}
            WHERE id = #{id} AND status = 'OPEN'
            """)
    int dispatch(@Param("id") long id, @Param("assignee") long assignee, @Param("at") Instant at,
                 @Param("deadline") Instant deadline);

    @Update("""
            UPDATE wish SET status = 'CLAIMED', claimer_id = #{assignee}, claimed_at = #{at}, claim_deadline = #{deadline},
                            assignee_id = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = 'DISPATCHED' AND assignee_id = #{assignee}
            """)
    int accept(@Param("id") long id, @Param("assignee") long assignee, @Param("at") Instant at,
               @Param("deadline") Instant deadline);

    /** Declined, or (with {@code dueBy}) not answered in time: back to the wall. */
    @Update("""
            UPDATE wish SET status = 'OPEN', assignee_id = NULL, dispatched_at = NULL, claim_deadline = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = 'DISPATCHED' AND assignee_id = #{assignee}
              AND (#{dueBy} IS NULL OR claim_deadline <= #{dueBy})
            """)
    int undispatch(@Param("id") long id, @Param("assignee") long assignee, @Param("at") Instant at,
                   @Param("dueBy") Instant dueBy);

    /** Released by the claimer, or (with {@code dueBy}) past its deadline: back to the wall. */
    @Update("""
            UPDATE wish SET status = 'OPEN', claimer_id = NULL, claimed_at = NULL, claim_deadline = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = 'CLAIMED' AND claimer_id = #{claimer}
              AND (#{dueBy} IS NULL OR claim_deadline <= #{dueBy})
            """)
    int unclaim(@Param("id") long id, @Param("claimer") long claimer, @Param("at") Instant at,
                @Param("dueBy") Instant dueBy);

    @Update("""
            UPDATE wish SET status = 'FULFILLED', fulfil_note = #{note}, fulfil_hours = #{hours}, fulfilled_at = #{at},
                            confirm_due = #{due}, claim_deadline = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = 'CLAIMED' AND claimer_id = #{claimer}
            """)
    int fulfil(@Param("id") long id, @Param("claimer") long claimer, @Param("note") String note,
               @Param("hours") BigDecimal hours, @Param("at") Instant at, @Param("due") Instant due);

    /**
     * Closes a fulfilled wish (or, {@code from} DISPUTED, one an admin settles). {@code confirmedBy}
     * null and {@code dueBy} set: the automatic confirmation, only once it is due.
     */
    @Update("""
            UPDATE wish SET status = 'CONFIRMED', rating = #{rating}, confirm_comment = #{comment},
                            confirmed_by = #{confirmedBy}, confirmed_at = #{at}, confirm_due = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = #{from} AND (#{dueBy} IS NULL OR confirm_due <= #{dueBy})
            """)
    int confirm(@Param("id") long id, @Param("from") String from, @Param("confirmedBy") Long confirmedBy,
                @Param("rating") Integer rating, @Param("comment") String comment, @Param("at") Instant at,
                @Param("dueBy") Instant dueBy);

    @Update("""
            UPDATE wish SET status = 'DISPUTED', dispute_reason = #{reason}, confirm_due = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = 'FULFILLED'
            """)
    int dispute(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    /** An admin sends a disputed wish back to the wall: the claim and its fulfilment are undone. */
    @Update("""
            UPDATE wish SET status = 'OPEN', claimer_id = NULL, claimed_at = NULL, claim_deadline = NULL,
                            fulfil_note = NULL, fulfil_hours = NULL, fulfilled_at = NULL, dispute_reason = NULL,
                            updated_at = #{at}
            WHERE id = #{id} AND status = 'DISPUTED'
            """)
    int reopen(@Param("id") long id, @Param("at") Instant at);

    /** Cancels the wish as it was read: same status, same claimer and assignee (who are then told). */
    @Update("""
            UPDATE wish SET status = 'CANCELLED', cancel_reason = #{reason}, cancelled_at = #{at}, claim_deadline = NULL,
                            confirm_due = NULL, updated_at = #{at}
            WHERE id = #{id} AND status = #{seen} AND claimer_id <=> #{claimer} AND assignee_id <=> #{assignee}
            """)
    int cancel(@Param("id") long id, @Param("seen") String seen, @Param("claimer") Long claimer,
               @Param("assignee") Long assignee, @Param("reason") String reason, @Param("at") Instant at);
}
