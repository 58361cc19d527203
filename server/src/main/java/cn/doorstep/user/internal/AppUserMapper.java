package cn.doorstep.user.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AppUserMapper extends BaseMapper<AppUser> {

    default AppUser selectByOpenid(String openid) {
        return selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
    }

    /** Disables an enabled account; an already disabled one keeps its first time (0 rows). */
    default int disable(long id, Instant at) {
        return update(new AppUser(), new LambdaUpdateWrapper<AppUser>().set(AppUser::getDisabledAt, at)
                .eq(AppUser::getId, id).isNull(AppUser::getDisabledAt));
    }

    /** Clears {@code disabled_at}: an explicit SET, since updateById never writes a null. */
    default int enable(long id) {
        return update(new AppUser(), new LambdaUpdateWrapper<AppUser>().set(AppUser::getDisabledAt, null)
                .eq(AppUser::getId, id).isNotNull(AppUser::getDisabledAt));
    }

    /**
     * A page of the users in these communities ({@code null}: everyone) whose nickname contains
     * {@code nicknamePart}, whose phone ends in {@code phoneLast4}, or whose id is among {@code ids} (each
     * criterion skipped when null or empty; all skipped: every user in scope), newest first.
     * {@code nicknamePart} arrives with LIKE's wildcards escaped.
     */
    default Page<AppUser> search(Collection<Long> communityIds, String nicknamePart, String phoneLast4,
                                 Collection<Long> ids, Page<AppUser> page) {
        boolean anyCriterion = nicknamePart != null || phoneLast4 != null || !ids.isEmpty();
        return selectPage(page, new LambdaQueryWrapper<AppUser>()
                .in(communityIds != null, AppUser::getCommunityId, communityIds)
                .and(anyCriterion, w -> {
                    if (nicknamePart != null) {
                        w.like(AppUser::getNickname, nicknamePart);
                    }
                    if (phoneLast4 != null) {
                        w.or(nicknamePart != null).eq(AppUser::getPhoneLast4, phoneLast4);
                    }
                    if (!ids.isEmpty()) {
                        w.or(nicknamePart != null || phoneLast4 != null).in(AppUser::getId, ids);
                    }
                })
                .orderByDesc(AppUser::getId));
    }

    /** A page of the residents grid heads registered in these grids (no WeChat), by grid then newest first. */
    default Page<AppUser> selectOfflineInGrids(Collection<Long> gridIds, Page<AppUser> page) {
        return selectPage(page, new LambdaQueryWrapper<AppUser>().in(AppUser::getGridId, gridIds)
                .isNotNull(AppUser::getRegisteredBy).orderByAsc(AppUser::getGridId).orderByDesc(AppUser::getId));
    }
}
