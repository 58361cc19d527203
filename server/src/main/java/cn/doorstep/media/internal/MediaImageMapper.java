package cn.doorstep.media.internal;

import cn.doorstep.media.ImageCheck;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/**
 * Images and their check. Every change of {@code check_status} is conditional on the status (and, for a
 * submission, the attempt count) it was read with: two instances, or a job and a callback, never both
 * decide one image.
 */
@Mapper
public interface MediaImageMapper extends BaseMapper<MediaImage> {

    default MediaImage selectByPath(String path) {
        return selectOne(new LambdaQueryWrapper<MediaImage>().eq(MediaImage::getPath, path));
    }

    default List<MediaImage> selectByPaths(Collection<String> paths) {
        return paths.isEmpty() ? List.of() : selectList(new LambdaQueryWrapper<MediaImage>().in(MediaImage::getPath, paths));
    }

    /** The image(s) last sent with this trace id: one, as WeChat issues them (none once superseded). */
    default List<MediaImage> selectByTrace(String traceId) {
        return selectList(new LambdaQueryWrapper<MediaImage>().eq(MediaImage::getCheckTraceId, traceId));
    }

    /** Images of {@code status} last sent (or tried) at or before {@code before}, oldest first. */
    default List<MediaImage> selectDue(ImageCheck status, Instant before, int limit) {
        return selectPage(new Page<>(1, limit, false), new LambdaQueryWrapper<MediaImage>()
                .eq(MediaImage::getCheckStatus, status.name()).le(MediaImage::getCheckRequestedAt, before)
                .orderByAsc(MediaImage::getCheckRequestedAt)).getRecords();
    }

    /** One submission to WeChat, as read ({@code status}, {@code attempts}): now CHECKING, or PENDING again. */
    default int submitted(long id, ImageCheck from, int attempts, ImageCheck to, String traceId, String label,
                          Instant now) {
        return update(null, new LambdaUpdateWrapper<MediaImage>()
                .set(MediaImage::getCheckStatus, to.name()).set(MediaImage::getCheckTraceId, traceId)
                .set(MediaImage::getCheckLabel, label)
                .setSql("check_attempts = check_attempts + 1").set(MediaImage::getCheckRequestedAt, now)
                .eq(MediaImage::getId, id).eq(MediaImage::getCheckStatus, from.name())
                .eq(MediaImage::getCheckAttempts, attempts));
    }

    /** No verdict will come (attempts used up, or WeChat refused the check for good): a person decides. */
    default int escalate(long id, ImageCheck from, int attempts, String label, Instant now) {
        return update(null, new LambdaUpdateWrapper<MediaImage>()
                .set(MediaImage::getCheckStatus, ImageCheck.REVIEW.name()).set(MediaImage::getCheckLabel, label)
                .set(MediaImage::getCheckedAt, now)
                .eq(MediaImage::getId, id).eq(MediaImage::getCheckStatus, from.name())
                .eq(MediaImage::getCheckAttempts, attempts));
    }

    /**
     * WeChat's verdict for the image it was asked about with {@code traceId}: only while that check is
     * the image's current one (CHECKING), or it was escalated for want of a verdict that now came.
     */
    default int decide(long id, String traceId, ImageCheck to, String label, Instant now) {
        return update(null, new LambdaUpdateWrapper<MediaImage>()
                .set(MediaImage::getCheckStatus, to.name()).set(MediaImage::getCheckLabel, label)
                .set(MediaImage::getCheckedAt, now)
                .eq(MediaImage::getId, id).eq(MediaImage::getCheckTraceId, traceId)
                .and(w -> w.eq(MediaImage::getCheckStatus, ImageCheck.CHECKING.name())
                        .or(r -> r.eq(MediaImage::getCheckStatus, ImageCheck.REVIEW.name())
                                .eq(MediaImage::getCheckLabel, ImageCheck.NO_VERDICT))));
    }

    /** WeChat could not check it after all (an errcode in its callback): sent again by the job. */
    default int backToPending(long id, String traceId, String label, Instant now) {
        return update(null, new LambdaUpdateWrapper<MediaImage>()
                .set(MediaImage::getCheckStatus, ImageCheck.PENDING.name()).set(MediaImage::getCheckLabel, label)
                .set(MediaImage::getCheckRequestedAt, now)
                .eq(MediaImage::getId, id).eq(MediaImage::getCheckTraceId, traceId)
                .eq(MediaImage::getCheckStatus, ImageCheck.CHECKING.name()));
    }

    /** An admin's decision on an image held for review. */
    default int review(long id, ImageCheck to, String label, Instant now) {
        return update(null, new LambdaUpdateWrapper<MediaImage>()
                .set(MediaImage::getCheckStatus, to.name()).set(MediaImage::getCheckLabel, label)
                .set(MediaImage::getCheckedAt, now)
                .eq(MediaImage::getId, id).eq(MediaImage::getCheckStatus, ImageCheck.REVIEW.name()));
    }
}
